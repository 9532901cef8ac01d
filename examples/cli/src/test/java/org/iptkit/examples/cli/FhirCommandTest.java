package org.iptkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.fhir.IptFhir;
import org.iptkit.json.IptJson;
import org.iptkit.rules.ProtocolRegistry;
import org.iptkit.rules.Protocols;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FhirCommandTest {
  @TempDir
  Path dir;

  private static CarePlan carePlanOf(String bundleJson) {
    Bundle bundle = IptFhir.create().parseBundle(bundleJson);
    return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(CarePlan.class::isInstance).map(CarePlan.class::cast).findFirst().orElseThrow();
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 2, 3, 4, 5, 6, 7})
  void exportThenImportGivesBackTheSameCourse(long index) {
    TreatmentCourse course = Fixtures.generator(21, 0.5).generate(index).course();
    Path file = Fixtures.write(dir.resolve("c.json"), IptJson.strict().writeCourse(course));

    Cli.Result exported = Cli.run("fhir", "export", file.toString());
    assertThat(exported.code()).as(exported.err()).isZero();
    Path bundle = Fixtures.write(dir.resolve("bundle.json"), exported.out());
    Cli.Result imported = Cli.run("fhir", "import", bundle.toString());

    assertThat(imported.code()).as(imported.err()).isZero();
    assertThat(imported.err()).isEmpty();
    assertThat(IptJson.strict().readCourse(imported.out())).isEqualTo(course);
  }

  @Test
  void exportOfTheSampleCourseInstantiatesItsOwnProtocolByDefault() {
    Path file = Fixtures.write(dir.resolve("c.json"), Fixtures.CANARY_COURSE);

    Cli.Result result = Cli.run("fhir", "export", file.toString());

    assertThat(result.code()).isZero();
    assertThat(carePlanOf(result.out()).getInstantiatesCanonical())
        .singleElement().satisfies(url -> assertThat(url.getValue()).endsWith("ipt-acute-16"));
  }

  @Test
  void exportHonoursTheProtocolOption() {
    Path file = Fixtures.write(dir.resolve("c.json"), Fixtures.CANARY_COURSE);

    Cli.Result result = Cli.run("fhir", "export", "--protocol", "ipt-b-8", file.toString());

    assertThat(result.code()).isZero();
    assertThat(carePlanOf(result.out()).getInstantiatesCanonical())
        .singleElement().satisfies(url -> assertThat(url.getValue()).endsWith("ipt-b-8"));
  }

  @Test
  void exportReadsStandardInputAndWritesTheOutFile() throws Exception {
    Path out = dir.resolve("b.json");

    Cli.Result result = Cli.runWithInput(Fixtures.CANARY_COURSE.getBytes(StandardCharsets.UTF_8),
        "fhir", "export", "--out", out.toString(), "-");

    assertThat(result.code()).isZero();
    assertThat(result.out()).isEmpty();
    assertThat(IptFhir.create().importCourseJson(Files.readString(out)))
        .isEqualTo(IptJson.strict().readCourse(Fixtures.CANARY_COURSE));
  }

  @Test
  void exportOfAnUnreadableCourseExitsTwoWithThePointer() {
    Path file = Fixtures.write(dir.resolve("bad.json"),
        Fixtures.CANARY_COURSE.replace("\"ONGOING\"", "\"PAUSED\""));

    Cli.Result result = Cli.run("fhir", "export", file.toString());

    assertThat(result.code()).isEqualTo(ExitCodes.UNREADABLE);
    assertThat(result.err()).contains("bad.json").contains("/status").doesNotContain("\tat ");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void exportWithAnUnknownProtocolIsAUsageErrorListingTheIds() {
    Path file = Fixtures.write(dir.resolve("c.json"), Fixtures.CANARY_COURSE);

    Cli.Result result = Cli.run("fhir", "export", "--protocol", "ipt-nope", file.toString());

    assertThat(result.code()).isEqualTo(ExitCodes.UNREADABLE);
    assertThat(result.err()).contains("'ipt-nope'").contains(Protocols.IPT_ACUTE_16.id());
  }

  @Test
  void importOfABundleWithAnUnknownElementExitsTwoNamingWhere() {
    Path file = Fixtures.write(dir.resolve("b.json"),
        "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"bogusElement\":1}");

    Cli.Result result = Cli.run("fhir", "import", file.toString());

    assertThat(result.code()).isEqualTo(ExitCodes.UNREADABLE);
    assertThat(result.err()).startsWith("ipt: " + file + ": ").contains("bogusElement")
        .doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void importOfABundleWithABrokenSessionNamesTheEntryAndLocation() {
    Path file = Fixtures.write(dir.resolve("c.json"), Fixtures.CANARY_COURSE);
    IptFhir fhir = IptFhir.create();
    Bundle bundle = fhir.parseBundle(Cli.run("fhir", "export", file.toString()).out());
    Encounter session = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(Encounter.class::isInstance).map(Encounter.class::cast).findFirst().orElseThrow();
    session.getExtension().clear();
    session.setStatus(Encounter.EncounterStatus.ENTEREDINERROR);
    String broken = fhir.toJson(bundle);
    Path bad = Fixtures.write(dir.resolve("bad-bundle.json"), broken);

    Cli.Result result = Cli.run("fhir", "import", bad.toString());

    assertThat(result.code()).isEqualTo(ExitCodes.UNREADABLE);
    assertThat(result.err()).startsWith("ipt: " + bad + ": not a course Bundle: Bundle.entry[")
        .contains("Encounter")
        .doesNotContain(Fixtures.CANARY_PATIENT).doesNotContain("\tat ");
  }

  @Test
  void importOfMalformedJsonExitsTwoWithLineAndColumn() {
    Path file = Fixtures.write(dir.resolve("b.json"), "{\"resourceType\":\"Bundle\",\n\"type\":");

    Cli.Result result = Cli.run("fhir", "import", file.toString());

    assertThat(result.code()).isEqualTo(ExitCodes.UNREADABLE);
    assertThat(result.err()).contains("b.json").containsIgnoringCase("line")
        .doesNotContain("\tat ");
  }

  @Test
  void importOfAMissingFileIsAnError() {
    Cli.Result result = Cli.run("fhir", "import", dir.resolve("none.json").toString());

    assertThat(result.code()).isEqualTo(ExitCodes.UNREADABLE);
    assertThat(result.err()).contains("no such file").contains("none.json");
  }

  static Iterable<String> builtInIds() {
    return ProtocolRegistry.builtIn().ids();
  }

  @ParameterizedTest
  @MethodSource("builtInIds")
  void planOfEveryBuiltInProfileIsAPlanDefinitionHapiReads(String id) {
    Cli.Result result = Cli.run("fhir", "plan", id);

    assertThat(result.code()).as(result.err()).isZero();
    IBaseResource parsed = IptFhir.create().context().newJsonParser()
        .parseResource(result.out());
    assertThat(parsed).isInstanceOf(PlanDefinition.class);
    assertThat(((PlanDefinition) parsed).getUrl()).endsWith(id);
  }

  @Test
  void planOfAnUnknownIdExitsTwoListingTheKnownIds() {
    Cli.Result result = Cli.run("fhir", "plan", "ipt-nope");

    assertThat(result.code()).isEqualTo(ExitCodes.UNREADABLE);
    assertThat(result.err()).contains("'ipt-nope'");
    for (String id : ProtocolRegistry.builtIn().ids()) {
      assertThat(result.err()).contains(id);
    }
    assertThat(result.out()).isEmpty();
  }

  @Test
  void planOfATrialsOwnProfileFile() {
    Path profile = Path.of("../data/my-trial-2026.json").toAbsolutePath().normalize();

    Cli.Result result = Cli.run("fhir", "plan", "--protocol-file", profile.toString());

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(((PlanDefinition) IptFhir.create().parseResource(result.out())).getUrl())
        .endsWith("my-trial-2026");
  }

  @Test
  void planWithoutAProfileIsAUsageError() {
    Cli.Result result = Cli.run("fhir", "plan");

    assertThat(result.code()).isEqualTo(ExitCodes.UNREADABLE);
    assertThat(result.err()).contains("give one profile");
  }

  @Test
  void fhirWithoutASubcommandIsAUsageError() {
    Cli.Result result = Cli.run("fhir");

    assertThat(result.code()).isEqualTo(ExitCodes.UNREADABLE);
    assertThat(result.err()).contains("export, import or plan");
  }

  @Test
  void ndjsonOfCoursesGivesNdjsonOfBundlesInOneRun() {
    String ndjson = Fixtures.ndjson(28, 12, 0.3);
    Path file = Fixtures.write(dir.resolve("cohort.ndjson"), ndjson);

    Cli.Result result = Cli.run("fhir", "export", file.toString());

    assertThat(result.code()).as(result.err()).isZero();
    String[] lines = result.out().split("\n");
    String[] courses = ndjson.split("\n");
    assertThat(lines).hasSize(courses.length);
    for (int i = 0; i < lines.length; i++) {
      Bundle bundle = IptFhir.create().parseBundle(lines[i]);
      assertThat(IptFhir.create().importCourse(bundle))
          .isEqualTo(IptJson.strict().readCourse(courses[i]));
    }
  }

  @Test
  void ndjsonWithABadLineGoesOnAndExitsTwo() {
    String ndjson = Fixtures.ndjson(28, 3, 0.0);
    Path file = Fixtures.write(dir.resolve("cohort.ndjson"),
        ndjson.replaceFirst("\n", "\n{\"courseId\": 7}\n"));

    Cli.Result result = Cli.run("fhir", "export", file.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.out().split("\n")).hasSize(3);
    assertThat(result.err()).contains("cohort.ndjson:2");
  }

  @Test
  void transactionBundlesCreateEachResourceOnlyOnce() {
    Path file = Fixtures.write(dir.resolve("c.json"), Fixtures.CANARY_COURSE);

    Cli.Result result = Cli.run("fhir", "export", "--bundle-type", "transaction",
        file.toString());

    assertThat(result.code()).as(result.err()).isZero();
    Bundle bundle = IptFhir.create().parseBundle(result.out());
    assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
    assertThat(bundle.getEntry()).allSatisfy(entry -> {
      assertThat(entry.getRequest().getMethod()).isEqualTo(Bundle.HTTPVerb.POST);
      assertThat(entry.getRequest().getIfNoneExist()).startsWith("identifier=");
    });
    assertThat(Cli.run("fhir", "export", "--bundle-type", "transaction", file.toString()).out())
        .isEqualTo(result.out());
  }

  @Test
  void anUnknownBundleTypeIsAUsageError() {
    Path file = Fixtures.write(dir.resolve("c.json"), Fixtures.CANARY_COURSE);

    Cli.Result result = Cli.run("fhir", "export", "--bundle-type", "document", file.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("collection or transaction");
  }

  @Test
  void thePatientSystemIsUsedBothWays() {
    Path file = Fixtures.write(dir.resolve("c.json"), Fixtures.CANARY_COURSE);
    String system = "urn:oid:2.16.840.1.113883.19.5";

    Cli.Result exported = Cli.run("fhir", "export", "--patient-system", system,
        file.toString());
    assertThat(exported.out()).contains(system);
    Path bundle = Fixtures.write(dir.resolve("b.json"), exported.out());

    Cli.Result imported = Cli.run("fhir", "import", "--patient-system", system,
        bundle.toString());
    assertThat(imported.code()).as(imported.err()).isZero();
    assertThat(IptJson.strict().readCourse(imported.out()))
        .isEqualTo(IptJson.strict().readCourse(Fixtures.CANARY_COURSE));
    Cli.Result refused = Cli.run("fhir", "import", bundle.toString());
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err()).doesNotContain(Fixtures.CANARY_PATIENT);
  }

  @Test
  void importListsWhatWasLeftOutAndCountsEnteredInError() {
    Path file = Fixtures.write(dir.resolve("c.json"), Fixtures.CANARY_COURSE);
    Bundle bundle = IptFhir.create().parseBundle(Cli.run("fhir", "export", file.toString()).out());
    bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(org.hl7.fhir.r4.model.Observation.class::isInstance)
        .map(org.hl7.fhir.r4.model.Observation.class::cast)
        .forEach(o -> o.setStatus(org.hl7.fhir.r4.model.Observation.ObservationStatus
            .ENTEREDINERROR));
    bundle.addEntry().setFullUrl("urn:uuid:0f6e3d52-4a3c-4b1e-9c55-2d7f1a0e8b11")
        .setResource(new org.hl7.fhir.r4.model.Practitioner().setActive(true));
    Path bad = Fixtures.write(dir.resolve("b.json"), IptFhir.create().toJson(bundle));

    Cli.Result result = Cli.run("fhir", "import", bad.toString());

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.err()).contains("warning: Bundle.entry[")
        .contains("marked entered-in-error").contains("not part of the IPT course")
        .containsPattern("\\d+ resources left out of the course \\(\\d+ entered in error\\)");
  }

  @Test
  void importOfAnEndlessDeviceIsAClearErrorNotAnOutOfMemory() {
    Path zero = Path.of("/dev/zero");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(zero));

    Cli.Result result = Cli.run("fhir", "import", zero.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("longer than the limit of 10,000,000 bytes")
        .doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void importOfABundleLongerThanTheLimitIsAClearError() throws Exception {
    Path big = dir.resolve("big.json");
    try (var out = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
      out.write("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[");
      String entry = "{\"resource\":{\"resourceType\":\"Basic\",\"code\":{\"text\":\""
          + "x".repeat(1000) + "\"}}}";
      for (int i = 0; i < 38_000; i++) {
        out.write(i == 0 ? entry : "," + entry);
      }
      out.write("]}");
    }

    Cli.Result result = Cli.run("fhir", "import", big.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("longer than the limit of 10,000,000 bytes");
  }

  @Test
  void exportOfACourseWithManySessionsIsWrittenEntryByEntry() {
    StringBuilder sessions = new StringBuilder();
    int count = 20_000;
    for (int n = 1; n <= count; n++) {
      sessions.append(n == 1 ? "" : ",").append("{\"number\":").append(n)
          .append(",\"date\":\"").append(java.time.LocalDate.of(2000, 1, 1).plusDays(n))
          .append("\",\"attendance\":\"CANCELLED\"}");
    }
    String course = "{\"schemaVersion\":\"1.0\",\"courseId\":\"big\",\"protocol\":"
        + "\"ipt-acute-16\",\"status\":\"ONGOING\",\"sessions\":[" + sessions + "]}";
    Path file = Fixtures.write(dir.resolve("big.json"), course);
    Path out = dir.resolve("big.bundle.json");

    Cli.Result result = Cli.run("fhir", "export", "--out", out.toString(), file.toString());

    assertThat(result.code()).as(result.err()).isZero();
    String json = readString(out);
    assertThat(json.split("\"resourceType\": \"Encounter\"", -1)).hasSize(count + 1);
    assertThat(json).endsWith("} ]\n}\n");
  }

  private static String readString(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
