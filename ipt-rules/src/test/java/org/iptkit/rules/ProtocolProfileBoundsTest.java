package org.iptkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Every number of a protocol profile has an upper bound as well as a lower one, whoever builds
 * the profile (a host's code or the profile reader): a trial cannot ask for two thousand million
 * closeness circles or a session of a day. Each bound is kept at its value and refused one above.
 */
class ProtocolProfileBoundsTest {
  private static ProtocolProfile with(UnaryOperator<ProtocolProfile.Builder> change) {
    return change.apply(ProtocolProfile.builder().from(Protocols.IPT_ACUTE_16).id("t")).build();
  }

  private static void assertBound(String parameter, int max,
      java.util.function.BiFunction<ProtocolProfile.Builder, Integer, ProtocolProfile.Builder> set) {
    assertThat(with(b -> set.apply(b, max))).as(parameter + " at its bound").isNotNull();
    assertThatThrownBy(() -> with(b -> set.apply(b, max + 1)))
        .as(parameter + " one above its bound")
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("protocol profile: " + parameter + " must be at most " + max + ", was "
            + (max + 1));
  }

  @Test
  void scalarParametersAreBoundedAbove() {
    assertBound("circles", ProtocolProfile.MAX_CIRCLES, ProtocolProfile.Builder::circles);
    assertBound("focus.maxAreas", ProtocolProfile.MAX_AREAS, ProtocolProfile.Builder::maxAreas);
    assertBound("maxGapDays", ProtocolProfile.MAX_GAP_DAYS, ProtocolProfile.Builder::maxGapDays);
    assertBound("maxSpanWeeks", ProtocolProfile.MAX_WEEKS, ProtocolProfile.Builder::maxSpanWeeks);
    assertBound("phases.endingLeadSessions", ProtocolProfile.MAX_SESSIONS,
        ProtocolProfile.Builder::endingLeadSessions);
    assertBound("measurement.maxInterval", ProtocolProfile.MAX_SESSIONS,
        ProtocolProfile.Builder::maxMeasureInterval);
    assertBound("measurement.deteriorationPoints", ProtocolProfile.MAX_DETERIORATION_POINTS,
        ProtocolProfile.Builder::deteriorationPoints);
    assertBound("completer.minSessions", ProtocolProfile.MAX_SESSIONS,
        ProtocolProfile.Builder::completerMinSessions);
    assertBound("completer.minWeeks", ProtocolProfile.MAX_WEEKS,
        ProtocolProfile.Builder::completerMinWeeks);
  }

  @Test
  void rangesAreBoundedAbove() {
    assertBound("sessions.max", ProtocolProfile.MAX_SESSIONS,
        (b, max) -> b.sessions(IntRange.of(12, max)));
    assertBound("sessionMinutes.max", ProtocolProfile.MAX_SESSION_MINUTES,
        (b, max) -> b.sessionMinutes(IntRange.of(45, max)));
    assertBound("preGroupSessions.max", ProtocolProfile.MAX_SESSIONS,
        (b, max) -> b.preGroupSessions(IntRange.of(0, max)));
    assertBound("phases.initial.max", ProtocolProfile.MAX_SESSIONS,
        (b, max) -> b.initialPhase(IntRange.of(1, max)));
    assertBound("phases.termination.max", ProtocolProfile.MAX_SESSIONS,
        (b, max) -> b.terminationPhase(IntRange.of(1, max)));
  }

  @Test
  void lowerBoundsStayAsTheyWere() {
    assertThatThrownBy(() -> with(b -> b.circles(0)))
        .hasMessage("protocol profile: circles must be >= 1, was 0");
    assertThatThrownBy(() -> with(b -> b.maxGapDays(0)))
        .hasMessage("protocol profile: maxGapDays must be >= 1, was 0");
  }

  @Test
  void everyBuiltInProfileIsWithinTheBounds() {
    for (ProtocolProfile profile : Protocols.all()) {
      assertThat(ProtocolProfile.builder().from(profile).build()).isEqualTo(profile);
      assertThat(profile.circles()).isLessThanOrEqualTo(ProtocolProfile.MAX_CIRCLES);
      assertThat(profile.sessions().max()).isLessThanOrEqualTo(ProtocolProfile.MAX_SESSIONS);
    }
  }
}
