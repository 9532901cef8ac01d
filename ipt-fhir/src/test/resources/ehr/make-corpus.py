# Run with python3 in this folder. Writes the EHR-shaped Bundles of ipt-fhir's test corpus (written from the FHIR R4 spec and the
# LOINC codes iptkit reads), each with the course it gives or the error it raises.
import json, copy, os
OUT = os.path.dirname(os.path.abspath(__file__))
LOINC = 'http://loinc.org'
PHQ_ITEMS = ["44250-9","44255-8","44259-0","44254-1","44251-7","44258-2","44252-5","44253-3","44260-8"]
GAD_ITEMS = ["69725-0","68509-9","69733-4","69734-2","69735-9","69689-8","69736-7"]
LA = ["LA6568-5","LA6569-3","LA6570-1","LA6571-9"]
PAT = {"reference": "Patient/p-81"}
def patient():
    return {"resourceType":"Patient","id":"p-81","identifier":[{"system":"urn:oid:2.16.840.1.113883.19.5","value":"mrn-81"}]}
def episode():
    return {"resourceType":"EpisodeOfCare","id":"ep-81","status":"active","patient":PAT}
def careplan(status="active"):
    return {"resourceType":"CarePlan","id":"cp-81","status":status,"intent":"plan",
            "instantiatesCanonical":["https://iptkit.org/fhir/PlanDefinition/ipt-acute-16"],"subject":PAT}
def encounter(i, day, status="finished", start="10:00", end="10:50", phase="INITIAL"):
    return {"resourceType":"Encounter","id":"enc-%d"%i,"status":status,
            "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},
            "type":[{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"90834"}]},
                    {"coding":[{"system":"https://iptkit.org/fhir/CodeSystem/iptkit","code":phase}]}],
            "subject":PAT,"episodeOfCare":[{"reference":"EpisodeOfCare/ep-81"}],
            "period":{"start":"2026-03-%02dT%s:00+01:00"%(day,start),"end":"2026-03-%02dT%s:00+01:00"%(day,end)}}
def procedure(i, enc, status="completed"):
    return {"resourceType":"Procedure","id":"proc-%d"%i,"status":status,
            "code":{"coding":[{"system":"http://snomed.info/sct","code":"443730003"}]},
            "subject":PAT,"encounter":{"reference":"Encounter/enc-%d"%enc}}
def obs(id_, code, **kw):
    o = {"resourceType":"Observation","id":id_,"status":"final",
         "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"survey"}]}],
         "code":{"coding":[{"system":LOINC,"code":code}]},"subject":PAT}
    o.update(kw); return o
def comp(code, value):
    return {"code":{"coding":[{"system":LOINC,"code":code}]}, **value}
def bundle(kind, resources, base="https://ehr.example.org/fhir/"):
    b = {"resourceType":"Bundle","type":kind,"entry":[]}
    for r in resources:
        e = {"fullUrl": base + r["resourceType"] + "/" + r["id"], "resource": r}
        if kind in ("transaction","batch"):
            e["request"] = {"method":"PUT","url": r["resourceType"] + "/" + r["id"]}
        if kind == "searchset":
            e["search"] = {"mode":"match"}
        b["entry"].append(e)
    return b
def course(sessions, measures=None, status="ONGOING"):
    c = {"schemaVersion":"1.0","courseId":"ep-81","patientRef":"p-81","protocol":"ipt-acute-16","status":status,"sessions":sessions}
    if measures: c["measures"] = measures
    return c
def session(n, day, minutes=50, attendance="ATTENDED", measures=None):
    s = {"number":n,"date":"2026-03-%02d"%day,"minutes":minutes,"attendance":attendance,
         "phase":"INITIAL","cpt":"90834"}
    if measures: s["measures"] = measures
    return s
def write(name, b, course=None, error=None, warnings=()):
    with open(os.path.join(OUT, name + ".bundle.json"), "w") as f:
        json.dump(b, f, indent=2); f.write("\n")
    if course is not None:
        with open(os.path.join(OUT, name + ".course.json"), "w") as f:
            json.dump(course, f, indent=2); f.write("\n")
    if error is not None:
        with open(os.path.join(OUT, name + ".error.txt"), "w") as f:
            f.write(error[0] + "\n" + error[1] + "\n")
    with open(os.path.join(OUT, name + ".warnings.txt"), "w") as f:
        for w in warnings: f.write(w + "\n")

phq_items = [1,2,1,0,2,1,1,0,0]; phq_total = sum(phq_items)
gad_items = [2,1,1,0,1,2,0]

# 1. PHQ-9 as the LOINC panel 44249-1 with item components (valueInteger) and the total.
p1 = obs("phq-1","44249-1",encounter={"reference":"Encounter/enc-1"},effectiveDateTime="2026-03-02T10:05:00+01:00",
         valueInteger=phq_total, component=[comp(c,{"valueInteger":v}) for c,v in zip(PHQ_ITEMS,phq_items)])
write("phq9-panel-components", bundle("collection",[patient(),episode(),careplan(),encounter(1,2),procedure(1,1),p1]),
      course([session(1,2,measures=[{"instrument":"PHQ9","items":phq_items,"total":phq_total}])]))
# 2. PHQ-9 panel whose items are LOINC answer codes (valueCodeableConcept, list LL358-3), no total.
p2 = obs("phq-2","44249-1",encounter={"reference":"Encounter/enc-1"},effectiveDateTime="2026-03-02",
         component=[comp(c,{"valueCodeableConcept":{"coding":[{"system":LOINC,"code":LA[v]}]}}) for c,v in zip(PHQ_ITEMS,phq_items)])
write("phq9-panel-answer-codes", bundle("searchset",[patient(),episode(),careplan(),encounter(1,2),p2]),
      course([session(1,2,measures=[{"instrument":"PHQ9","items":phq_items}])]))
# 3. GAD-7 panel 69737-5 with hasMember item Observations and a total member 70274-6.
members = [obs("gad-i%d"%(k+1),c,valueInteger=v,effectiveDateTime="2026-03-09") for k,(c,v) in enumerate(zip(GAD_ITEMS,gad_items))]
gtotal = obs("gad-t","70274-6",valueInteger=sum(gad_items),effectiveDateTime="2026-03-09")
g3 = obs("gad-1","69737-5",encounter={"reference":"Encounter/enc-2"},effectiveDateTime="2026-03-09",
         hasMember=[{"reference":"Observation/"+m["id"]} for m in members]+[{"reference":"Observation/gad-t"}])
write("gad7-panel-has-member", bundle("transaction",[patient(),episode(),careplan(),encounter(1,2),encounter(2,9,start="09:00",end="09:45"),g3,gtotal]+members),
      course([session(1,2),session(2,9,minutes=45,measures=[{"instrument":"GAD7","items":gad_items,"total":sum(gad_items)}])]))
# 4. Totals alone: PHQ-9 44261-6 as valueQuantity, GAD-7 70274-6 as valueInteger, outside sessions.
t1 = obs("phq-t","44261-6",effectiveDateTime="2026-02-20",valueQuantity={"value":14,"unit":"{score}","system":"http://unitsofmeasure.org","code":"{score}"})
t2 = obs("gad-t","70274-6",effectiveDateTime="2026-02-20",valueInteger=9)
write("totals-alone", bundle("batch",[patient(),episode(),careplan(),t1,t2,encounter(1,2)]),
      course([session(1,2)], measures=[{"instrument":"PHQ9","total":14,"date":"2026-02-20"},{"instrument":"GAD7","total":9,"date":"2026-02-20"}]))
# 5. PHQ-9 as a QuestionnaireResponse by LOINC linkIds and answer codes (valueCoding), with a total.
qr = {"resourceType":"QuestionnaireResponse","id":"qr-1","status":"completed","questionnaire":"http://loinc.org/q/44249-1",
      "subject":PAT,"encounter":{"reference":"Encounter/enc-1"},"authored":"2026-03-02T09:55:00+01:00",
      "item":[{"linkId":"/"+c,"answer":[{"valueCoding":{"system":LOINC,"code":LA[v]}}]} for c,v in zip(PHQ_ITEMS,phq_items)]
             +[{"linkId":"/44261-6","answer":[{"valueInteger":phq_total}]},{"linkId":"/69722-7","answer":[{"valueCoding":{"system":LOINC,"code":"LA6572-7"}}]}]}
write("phq9-questionnaire-response", bundle("collection",[patient(),episode(),careplan(),encounter(1,2),qr]),
      course([session(1,2,measures=[{"instrument":"PHQ9","items":phq_items,"total":phq_total}])]),
      warnings=["NOT_STORED"])
# 6. EPDS as a QuestionnaireResponse with iptkit linkIds and valueInteger, outside sessions.
epds = [1,1,2,1,0,1,1,0,1,0]
qr6 = {"resourceType":"QuestionnaireResponse","id":"qr-6","status":"completed","questionnaire":"http://loinc.org/q/71354-5",
       "subject":PAT,"authored":"2026-03-01",
       "item":[{"linkId":"EPDS-%d"%(k+1),"answer":[{"valueInteger":v}]} for k,v in enumerate(epds)]}
write("epds-questionnaire-response", bundle("collection",[patient(),episode(),careplan(),qr6]),
      course([], measures=[{"instrument":"EPDS","items":epds,"date":"2026-03-01"}]))
# 7. Unknown harmless resources and entered-in-error: warnings, not errors; a planned session.
bp = obs("bp-1","85354-9",valueString="normal")
wrong = obs("phq-x","44261-6",status="entered-in-error",valueInteger=27,effectiveDateTime="2026-03-02")
prac = {"resourceType":"Practitioner","id":"pr-1"}
write("unknown-and-entered-in-error", bundle("searchset",[patient(),episode(),careplan(),encounter(1,2),encounter(2,16,status="planned"),bp,wrong,prac]),
      course([session(1,2)]), warnings=["PLANNED","NOT_PART_OF_COURSE","ENTERED_IN_ERROR","NOT_PART_OF_COURSE"])
# 8. Sessions numbered by date from an unordered searchset, one cancelled.
write("sessions-by-date", bundle("searchset",[patient(),episode(),careplan(),encounter(3,16),encounter(1,2),encounter(2,9,status="cancelled")]),
      course([session(1,2),{"number":2,"date":"2026-03-09","attendance":"CANCELLED","phase":"INITIAL","cpt":"90834"},session(3,16)]))
# --- errors
# 9. Another patient's Observation.
other = obs("phq-o","44261-6",valueInteger=3,effectiveDateTime="2026-03-02",subject={"reference":"Patient/p-99"})
write("another-patient", bundle("collection",[patient(),episode(),careplan(),encounter(1,2),other]),
      error=("Observation).subject","another patient"))
# 10. Cancelled encounter with an IPT Procedure.
write("cancelled-with-procedure", bundle("collection",[patient(),episode(),careplan(),encounter(1,2,status="cancelled"),procedure(1,1)]),
      error=("Procedure).encounter","records this session as held"))
# 11. A PHQ-9 item on its own.
lone = obs("phq-i1","44250-9",valueInteger=2)
write("lone-item", bundle("collection",[patient(),episode(),careplan(),lone]),
      error=("Observation).code","item on its own cannot be read"))
# 12. A panel with a missing item.
p12 = obs("phq-12","44249-1",effectiveDateTime="2026-03-02",component=[comp(c,{"valueInteger":v}) for c,v in list(zip(PHQ_ITEMS,phq_items))[:8]])
write("panel-missing-item", bundle("collection",[patient(),episode(),careplan(),p12]),
      error=("Observation).component","item 9 is missing"))
# 13. An answer code iptkit cannot score.
p13 = copy.deepcopy(p2); p13["component"][0]["valueCodeableConcept"]["coding"][0]["code"] = "LA12345-6"
write("unscored-answer-code", bundle("collection",[patient(),episode(),careplan(),encounter(1,2),p13]),
      error=("component[0].value","cannot score"))
# 14. A preliminary result.
p14 = copy.deepcopy(t2); p14["status"] = "preliminary"
write("preliminary-result", bundle("collection",[patient(),episode(),careplan(),p14]),
      error=("Observation).status","not a final result"))
# 15. An in-progress questionnaire.
q15 = copy.deepcopy(qr6); q15["status"] = "in-progress"
write("questionnaire-in-progress", bundle("collection",[patient(),episode(),careplan(),q15]),
      error=("QuestionnaireResponse).status","not completed"))
# 16. A finished encounter whose attendance extension says NO_SHOW.
e16 = encounter(1,2); e16["extension"] = [{"url":"https://iptkit.org/fhir/StructureDefinition/attendance","valueCode":"NO_SHOW"}]
write("finished-but-no-show", bundle("collection",[patient(),episode(),careplan(),e16]),
      error=("Encounter).status","not held"))
# 17. An attended EHR Encounter without an IPT phase.
e17 = encounter(1,2); e17["type"] = e17["type"][:1]
write("attended-without-phase", bundle("collection",[patient(),episode(),careplan(),e17]),
      error=("phase')","needs its IPT phase"))
# 18. A Bundle of a type that holds no course.
write("history-bundle", {"resourceType":"Bundle","type":"history","entry":[]},
      error=("Bundle.type","expected collection, transaction, batch or searchset"))
print("ok")
