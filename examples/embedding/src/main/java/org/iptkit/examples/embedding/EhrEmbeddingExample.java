package org.iptkit.examples.embedding;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.iptkit.core.Attendance;
import org.iptkit.core.ContactFrequency;
import org.iptkit.core.Contract;
import org.iptkit.core.ContractKind;
import org.iptkit.core.CourseStatus;
import org.iptkit.core.DisputeStage;
import org.iptkit.core.Formulation;
import org.iptkit.core.Frequency;
import org.iptkit.core.Instrument;
import org.iptkit.core.InterpersonalInventory;
import org.iptkit.core.Measure;
import org.iptkit.core.Person;
import org.iptkit.core.Phase;
import org.iptkit.core.ProblemAreaType;
import org.iptkit.core.Relationship;
import org.iptkit.core.RoleDispute;
import org.iptkit.core.Session;
import org.iptkit.core.SessionTask;
import org.iptkit.core.Technique;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.json.IptJson;
import org.iptkit.rules.Agenda;
import org.iptkit.rules.AgendaItem;
import org.iptkit.rules.FidelityChecker;
import org.iptkit.rules.FidelityReport;
import org.iptkit.rules.Finding;
import org.iptkit.rules.Protocols;

/**
 * How an EHR embeds iptkit, top to bottom: turn the EHR's own visit records into a course with
 * the builders, ask what is due before session 4, check the completed course for protocol
 * fidelity and show the findings, then store the course as JSON and read it back.
 */
public final class EhrEmbeddingExample {
  /** One visit as an EHR might hold it: its own shape, not iptkit's. */
  record Visit(int number, LocalDate date, int minutes, Phase phase, List<SessionTask> tasks,
      int phq9Total) {}

  /** Built once per protocol and shared by every request: checkers are immutable and thread-safe. */
  private static final FidelityChecker CHECKER = FidelityChecker.of(Protocols.IPT_ACUTE_16);
  private static final IptJson JSON = IptJson.strict();

  private EhrEmbeddingExample() {}

  /** Runs the example and prints what a clinician would see. */
  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs the example, printing to {@code out}; returns the course read back from JSON. */
  public static TreatmentCourse run(PrintStream out) {
    // 1. The EHR's records of the first three (initial-phase) sessions.
    List<Visit> visits = new ArrayList<>(List.of(
        new Visit(1, LocalDate.of(2026, 1, 5), 50, Phase.INITIAL, List.of(
            SessionTask.DIAGNOSIS_NAMED, SessionTask.PSYCHOEDUCATION,
            SessionTask.SICK_ROLE_GIVEN, SessionTask.MEDICATION_EVALUATED), 17),
        new Visit(2, LocalDate.of(2026, 1, 12), 50, Phase.INITIAL,
            List.of(SessionTask.INVENTORY), -1),
        new Visit(3, LocalDate.of(2026, 1, 19), 50, Phase.INITIAL,
            List.of(SessionTask.FORMULATION_SHARED, SessionTask.CONTRACT_AGREED), -1)));
    TreatmentCourse ongoing = course(visits, CourseStatus.ONGOING);

    // 2. Before session 4: what is due, and what is overdue?
    Agenda agenda = CHECKER.agenda(ongoing);
    out.println("Before session " + agenda.nextSessionNumber().orElse(1) + " ("
        + agenda.nextPhase().map(Enum::name).orElse("?") + "):");
    for (AgendaItem item : agenda.items()) {
      out.println("  " + item.kind() + ": " + item.message());
    }

    // 3. The course goes on to session 16; PHQ-9 in session 8 is forgotten.
    for (int n = 4; n <= 16; n++) {
      Phase phase = n <= 12 ? Phase.MIDDLE : Phase.TERMINATION;
      List<SessionTask> tasks = phase == Phase.MIDDLE
          ? new ArrayList<>(List.of(SessionTask.INTERIM_REVIEW))
          : new ArrayList<>(List.of(SessionTask.PROGRESS_REVIEWED,
              SessionTask.FEELINGS_ABOUT_ENDING, SessionTask.RELAPSE_PREVENTION_PLAN));
      if (n == 4) {
        tasks.add(SessionTask.DISPUTE_STAGE_ASSESSED);
      }
      if (n == 12) {
        tasks.add(SessionTask.ENDING_DISCUSSED);
      }
      int phq9 = switch (n) {
        case 4 -> 15;
        case 12 -> 8;
        case 16 -> 4;
        default -> -1;
      };
      visits.add(new Visit(n, LocalDate.of(2026, 1, 5).plusWeeks(n - 1L), 50, phase, tasks, phq9));
    }
    TreatmentCourse completed = course(visits, CourseStatus.COMPLETED);

    // 4. Check the completed course and show the findings to the clinician.
    FidelityReport report = CHECKER.check(completed);
    out.printf("Adherence %.0f%%, %d errors, %d warnings%n", report.summary().adherence() * 100,
        report.summary().errors(), report.summary().warnings());
    for (Finding finding : report.findings()) {
      out.println("  " + finding.rule() + " " + finding.severity() + " at " + finding.path()
          + ": " + finding.message());
    }
    out.println("PHQ-9 " + report.outcome().baseline().orElse(-1) + " -> "
        + report.outcome().last().orElse(-1) + ", response "
        + report.outcome().response().orElse(false));

    // 5. Store as JSON (the format other apps read through the published schema) and back.
    String json = JSON.writeCourse(completed);
    TreatmentCourse readBack = JSON.readCourse(json);
    out.println("JSON round trip " + (readBack.equals(completed) ? "equal" : "DIFFERENT")
        + ", " + json.length() + " characters");
    return readBack;
  }

  /** Maps the EHR's visits and intake data to an iptkit course. */
  static TreatmentCourse course(List<Visit> visits, CourseStatus status) {
    TreatmentCourse.Builder course = TreatmentCourse.builder()
        .courseId("ehr-episode-4711")
        .patientRef("pt-7f3a")
        .therapistRef("th-12")
        .protocol(Protocols.IPT_ACUTE_16.id())
        .status(status)
        .addContract(Contract.builder().kind(ContractKind.ACUTE)
            .agreedOn(LocalDate.of(2026, 1, 19)).plannedSessions(16)
            .frequency(Frequency.WEEKLY).sessionMinutes(50).build())
        .addInventory(InterpersonalInventory.builder().takenOn(LocalDate.of(2026, 1, 12))
            .addPerson(Person.builder().id("partner").relationship(Relationship.PARTNER)
                .circle(1).contact(ContactFrequency.DAILY).conflict(true).build())
            .addPerson(Person.builder().id("sister").relationship(Relationship.SIBLING)
                .circle(1).contact(ContactFrequency.WEEKLY).confidant(true).build())
            .addPerson(Person.builder().id("friend").relationship(Relationship.FRIEND)
                .circle(2).contact(ContactFrequency.MONTHLY).build())
            .build())
        .addProblemArea(RoleDispute.builder().primary(true).personId("partner")
            .stage(DisputeStage.RENEGOTIATION).build())
        .formulation(Formulation.builder().sharedOn(LocalDate.of(2026, 1, 19))
            .addArea(ProblemAreaType.ROLE_DISPUTE).patientAgreed(true).build());
    for (Visit visit : visits) {
      Session.Builder session = Session.builder()
          .number(visit.number()).date(visit.date()).minutes(visit.minutes())
          .attendance(Attendance.ATTENDED).phase(visit.phase())
          .addAllTasks(visit.tasks())
          .addTechnique(visit.phase() == Phase.MIDDLE
              ? Technique.COMMUNICATION_ANALYSIS : Technique.EXPLORATION);
      if (visit.phase() == Phase.MIDDLE) {
        session.addFocus(ProblemAreaType.ROLE_DISPUTE);
      }
      if (visit.phq9Total() >= 0) {
        session.addMeasure(Measure.ofTotal(Instrument.PHQ9, visit.phq9Total()));
      }
      course.addSession(session.build());
    }
    if (status == CourseStatus.COMPLETED) {
      course.endedOn(visits.get(visits.size() - 1).date());
    }
    return course.build();
  }
}
