package org.iptkit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.iptkit.core.Instrument;
import org.iptkit.core.Technique;
import org.iptkit.json.JsonReadException.Problem;
import org.iptkit.rules.IntRange;
import org.iptkit.rules.ProtocolProfile;
import org.iptkit.rules.ProtocolRegistry;
import org.iptkit.rules.Protocols;
import org.iptkit.rules.RuleSetting;
import org.iptkit.rules.SickRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Protocol profiles (docs/format.md, Protocol profile): every built-in profile writes out complete
 * and reads back equal, the docs/format.md example reads as written and inherits from ipt-acute-16,
 * and derived profiles merge with their parent field by field.
 */
class ProfileJsonTest {
  static final IptJson JSON = IptJson.strict();
  static final IptJson PRETTY = IptJson.builder().prettyPrint(true).build();
  static final ProtocolRegistry BUILT_IN = ProtocolRegistry.builtIn();

  static Stream<ProtocolProfile> builtInProfiles() {
    return Protocols.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("builtInProfiles")
  void everyBuiltInProfileWrittenReadsBackEqual(ProtocolProfile profile) {
    String compact = JSON.writeProfile(profile);
    String pretty = PRETTY.writeProfile(profile);

    assertThat(JSON.readProfile(compact, BUILT_IN)).isEqualTo(profile);
    assertThat(JSON.readProfile(pretty, BUILT_IN)).isEqualTo(profile);
    assertThat(JSON.readProfile(compact, ProtocolRegistry.builtIn())).isEqualTo(profile);
    assertThat(JSON.writeProfile(JSON.readProfile(compact, BUILT_IN))).isEqualTo(compact);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("builtInProfiles")
  void writtenProfileStartsWithIdAndTitleAndHasEveryParameter(ProtocolProfile profile) {
    String json = JSON.writeProfile(profile);

    assertThat(json).startsWith("{\"id\":\"" + profile.id() + "\",\"title\":");
    for (String parameter : new String[] {"sessions", "sessionMinutes", "maxGapDays",
        "maxSpanWeeks", "minAttendance", "phases", "endingLeadSessions", "focus", "maxAreas",
        "middleOnFocusShare", "circles", "measurement", "primary", "maxInterval",
        "preGroupSessions", "sickRole", "caregiverInvolvement", "allowedTechniques", "completer",
        "minWeeks", "rules", "source"}) {
      assertThat(json).as(parameter).contains("\"" + parameter + "\":");
    }
    assertThat(json).doesNotContain("basedOn");
  }

  @Test
  void iptAcute16WrittenPrettyIsTheGoldenFile() {
    String golden = FormatExampleTest.resource("ipt-acute-16.profile.golden.json");

    assertThat(PRETTY.writeProfile(Protocols.IPT_ACUTE_16) + "\n").isEqualTo(golden);
    assertThat(JSON.readProfile(golden, BUILT_IN)).isEqualTo(Protocols.IPT_ACUTE_16);
  }

  @Test
  void profileWithoutAcutePhasesHasNoInitialOrTerminationButKeepsItsEndingLead() {
    String json = JSON.writeProfile(Protocols.IPT_M_MONTHLY);

    assertThat(json).contains("\"phases\":{\"endingLeadSessions\":1}")
        .doesNotContain("initial").doesNotContain("termination")
        .contains("\"completer\":{\"minWeeks\":0}");
    assertThat(JSON.readProfile(json, BUILT_IN).hasAcutePhases()).isFalse();
  }

  @Test
  void writingIntoAStreamGivesTheSameUtf8Bytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PRETTY.writeProfile(Protocols.GROUP_IPT_8, out);

    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(PRETTY.writeProfile(Protocols.GROUP_IPT_8));
    assertThat(JSON.readProfile(new ByteArrayInputStream(out.toByteArray()), BUILT_IN))
        .isEqualTo(Protocols.GROUP_IPT_8);
  }

  @Test
  void formatExampleReadsAsWrittenAndInheritsFromIptAcute16() {
    ProtocolProfile trial =
        JSON.readProfile(FormatExampleTest.resource("format-example-profile.json"), BUILT_IN);

    assertThat(trial.id()).isEqualTo("my-trial-2026");
    assertThat(trial.title()).isEqualTo("Trial X: 12-session IPT, PHQ-9 every session");
    assertThat(trial.basedOn()).contains("ipt-acute-16");
    assertThat(trial.sessions()).isEqualTo(IntRange.of(12, 12));
    assertThat(trial.sessionMinutes()).isEqualTo(IntRange.of(45, 60));
    assertThat(trial.maxGapDays()).isEqualTo(14);
    assertThat(trial.maxSpanWeeks()).isEqualTo(16);
    assertThat(trial.minAttendance()).isEqualTo(0.8);
    assertThat(trial.initialPhase()).contains(IntRange.of(1, 3));
    assertThat(trial.terminationPhase()).contains(IntRange.of(2, 3));
    assertThat(trial.endingLeadSessions()).isEqualTo(2);
    assertThat(trial.maxAreas()).isEqualTo(2);
    assertThat(trial.middleOnFocusShare()).isEqualTo(0.75);
    assertThat(trial.circles()).isEqualTo(3);
    assertThat(trial.primaryInstrument()).isEqualTo(Instrument.PHQ9);
    assertThat(trial.maxMeasureInterval()).isEqualTo(1);
    assertThat(trial.deteriorationPoints()).hasValue(5);
    assertThat(trial.preGroupSessions()).isEqualTo(IntRange.of(0, 0));
    assertThat(trial.sickRole()).isEqualTo(SickRole.FULL);
    assertThat(trial.caregiverInvolvement()).isFalse();
    assertThat(trial.allowedTechniques()).isEmpty();
    assertThat(trial.completerMinSessions()).hasValue(10);
    assertThat(trial.completerMinWeeks()).isZero();
    assertThat(trial.rules()).isEqualTo(Map.of("T02", RuleSetting.OFF, "S06", RuleSetting.ERROR));
    // not given in the example: inherited from ipt-acute-16
    assertThat(trial.source()).isEqualTo(Protocols.IPT_ACUTE_16.source());
  }

  @Test
  void formatExampleWrittenBackReadsEqualAndRegisters() {
    ProtocolProfile trial =
        JSON.readProfile(FormatExampleTest.resource("format-example-profile.json"), BUILT_IN);
    String written = PRETTY.writeProfile(trial);

    assertThat(written).contains("\"basedOn\": \"ipt-acute-16\"");
    assertThat(JSON.readProfile(written, BUILT_IN)).isEqualTo(trial);
    ProtocolRegistry registry = BUILT_IN.with(trial);
    assertThat(registry.get("my-trial-2026")).isEqualTo(trial);
  }

  @Test
  void derivedProfileInheritsEveryParameterItDoesNotGive() {
    ProtocolProfile derived = JSON.readProfile(
        "{\"id\":\"short-trial\",\"basedOn\":\"ipt-acute-16\"}", BUILT_IN);

    assertThat(derived).isEqualTo(ProtocolProfile.builder().from(Protocols.IPT_ACUTE_16)
        .id("short-trial").basedOn("ipt-acute-16").build());
  }

  @Test
  void nestedObjectsMergeFieldByField() {
    ProtocolProfile derived = JSON.readProfile("{\"id\":\"t\",\"basedOn\":\"ipt-acute-16\","
        + "\"sessions\":{\"max\":12},\"phases\":{\"termination\":{\"min\":2}},"
        + "\"measurement\":{\"maxInterval\":1},\"focus\":{\"maxAreas\":1},"
        + "\"completer\":{\"minWeeks\":8}}", BUILT_IN);

    assertThat(derived.sessions()).isEqualTo(IntRange.of(12, 12));
    assertThat(derived.terminationPhase()).contains(IntRange.of(2, 4));
    assertThat(derived.initialPhase()).contains(IntRange.of(1, 3));
    assertThat(derived.endingLeadSessions()).isEqualTo(2);
    assertThat(derived.maxMeasureInterval()).isEqualTo(1);
    assertThat(derived.primaryInstrument()).isEqualTo(Instrument.PHQ9);
    assertThat(derived.maxAreas()).isEqualTo(1);
    assertThat(derived.middleOnFocusShare()).isEqualTo(0.75);
    assertThat(derived.completerMinSessions()).hasValue(12);
    assertThat(derived.completerMinWeeks()).isEqualTo(8);
  }

  @Test
  void ruleSettingsMergeWithTheParentsAndArraysReplace() {
    ProtocolProfile parent = JSON.readProfile("{\"id\":\"parent\",\"basedOn\":\"ipt-acute-16\","
        + "\"rules\":{\"T02\":\"OFF\",\"S06\":\"ERROR\"},"
        + "\"allowedTechniques\":[\"ASSIGNED_HOMEWORK\",\"ROLE_PLAY\"]}", BUILT_IN);
    ProtocolRegistry registry = BUILT_IN.with(parent);

    ProtocolProfile child = JSON.readProfile("{\"id\":\"child\",\"basedOn\":\"parent\","
        + "\"rules\":{\"S06\":\"INFO\",\"N01\":\"OFF\"},"
        + "\"allowedTechniques\":[\"COGNITIVE_RESTRUCTURING\"]}", registry);

    assertThat(child.rules()).isEqualTo(Map.of("T02", RuleSetting.OFF, "S06", RuleSetting.INFO,
        "N01", RuleSetting.OFF));
    assertThat(child.allowedTechniques()).isEqualTo(Set.of(Technique.COGNITIVE_RESTRUCTURING));
    assertThat(child.basedOn()).contains("parent");
  }

  @Test
  void derivedProfileMayReplaceEveryScalar() {
    ProtocolProfile derived = JSON.readProfile("{\"id\":\"t\",\"basedOn\":\"ipt-m-monthly\","
        + "\"title\":\"Other\",\"source\":\"Trial paper\",\"maxGapDays\":30,\"maxSpanWeeks\":52,"
        + "\"minAttendance\":0.5,\"circles\":4,\"sickRole\":\"LIMITED\","
        + "\"caregiverInvolvement\":true,\"measurement\":{\"primary\":\"GAD7\","
        + "\"deteriorationPoints\":3},\"preGroupSessions\":{\"min\":1,\"max\":2},"
        + "\"phases\":{\"initial\":{\"min\":1,\"max\":2},\"termination\":{\"min\":1,\"max\":2},"
        + "\"endingLeadSessions\":3}}", BUILT_IN);

    assertThat(derived.title()).isEqualTo("Other");
    assertThat(derived.source()).contains("Trial paper");
    assertThat(derived.maxGapDays()).isEqualTo(30);
    assertThat(derived.maxSpanWeeks()).isEqualTo(52);
    assertThat(derived.minAttendance()).isEqualTo(0.5);
    assertThat(derived.circles()).isEqualTo(4);
    assertThat(derived.sickRole()).isEqualTo(SickRole.LIMITED);
    assertThat(derived.caregiverInvolvement()).isTrue();
    assertThat(derived.primaryInstrument()).isEqualTo(Instrument.GAD7);
    assertThat(derived.maxMeasureInterval()).isEqualTo(3);
    assertThat(derived.deteriorationPoints()).hasValue(3);
    assertThat(derived.preGroupSessions()).isEqualTo(IntRange.of(1, 2));
    assertThat(derived.hasAcutePhases()).isTrue();
    assertThat(derived.endingLeadSessions()).isEqualTo(3);
    assertThat(derived.sessions()).isEqualTo(Protocols.IPT_M_MONTHLY.sessions());
  }

  @Test
  void profileWithoutBasedOnNamesEveryMissingRequiredParameter() {
    assertThatThrownBy(() -> JSON.readProfile("{\"id\":\"t\",\"sessions\":{\"max\":12}}",
        BUILT_IN))
        .isInstanceOfSatisfying(JsonReadException.class, e -> {
          assertThat(e.problem()).isEqualTo(Problem.MISSING_FIELD);
          assertThat(e.pointer()).isEqualTo("/title");
          assertThat(e.getMessage()).contains("/title", "/sessions/min", "/sessionMinutes",
              "/maxGapDays", "/maxSpanWeeks", "/minAttendance", "/phases/endingLeadSessions",
              "/measurement/primary", "/measurement/maxInterval", "/sickRole",
              "without basedOn");
          assertThat(e.line()).isEqualTo(1);
        });
  }

  @Test
  void readProfileFailsOnAnUnreadableStream() {
    java.io.InputStream broken = new java.io.InputStream() {
      @Override
      public int read() throws java.io.IOException {
        throw new java.io.IOException("disk gone");
      }
    };
    assertThatThrownBy(() -> JSON.readProfile(broken, BUILT_IN))
        .isInstanceOf(java.io.UncheckedIOException.class);
  }
}
