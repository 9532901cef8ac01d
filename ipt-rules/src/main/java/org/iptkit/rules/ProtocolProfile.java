package org.iptkit.rules;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.immutables.value.Value;
import org.iptkit.core.Instrument;
import org.iptkit.core.Technique;

/**
 * A protocol profile: every parameter the fidelity rules read (docs/format.md, Protocol profile) —
 * the session range, session length, maximum gap and span, minimum attendance, initial and
 * termination phase lengths, how far ahead the ending must be discussed, focus limits, the number
 * of closeness circles, the primary instrument and its interval, the sick-role kind, caregiver
 * involvement, allowed non-IPT techniques, the completer definition and rule settings.
 *
 * <p>The built-in IPT variants are constants of {@link Protocols}; a trial defines its own
 * protocol by copying one and overriding only what differs ({@link #basedOn()}).
 *
 * <pre>{@code
 * ProtocolProfile trial = ProtocolProfile.builder().from(Protocols.IPT_ACUTE_16)
 *     .id("my-trial-2026").basedOn("ipt-acute-16")
 *     .sessions(IntRange.of(12, 12)).maxMeasureInterval(1)
 *     .putRule("T02", RuleSetting.OFF)
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class ProtocolProfile {
  ProtocolProfile() {}

  /** The profile id courses name in their {@code protocol} field, e.g. {@code "ipt-acute-16"}. */
  public abstract String id();

  /** A human title, e.g. "Individual IPT for depression, 12–16 weekly sessions". */
  public abstract String title();

  /** The id of the profile this one was derived from. */
  public abstract Optional<String> basedOn();

  /** The source of the parameters (manual, trial paper), for citation. */
  public abstract Optional<String> source();

  /** Attended sessions of a completed course (pre-group sessions not counted) — rule S01. */
  public abstract IntRange sessions();

  /** Individual pre-group sessions of group IPT; 0–0 for other profiles. */
  @Value.Default
  public IntRange preGroupSessions() {
    return IntRange.of(0, 0);
  }

  /** Session length in minutes — rule S06. */
  public abstract IntRange sessionMinutes();

  /** Largest gap in days between consecutive attended sessions — rule S04. */
  public abstract int maxGapDays();

  /** Largest span in weeks from the first to the last session — rule S05. */
  public abstract int maxSpanWeeks();

  /** Smallest share of scheduled sessions attended — rule S08. */
  public abstract double minAttendance();

  /** Number of INITIAL sessions — rule P02; empty for a profile without acute phases. */
  public abstract Optional<IntRange> initialPhase();

  /** Number of TERMINATION sessions — rule P04; empty for a profile without acute phases. */
  public abstract Optional<IntRange> terminationPhase();

  /** How many attended sessions before the last the ending must be discussed — rule E01. */
  public abstract int endingLeadSessions();

  /** The maximum number of problem areas — rule F01. */
  @Value.Default
  public int maxAreas() {
    return 2;
  }

  /** The share of MIDDLE sessions that must address a chosen area — rule F05. */
  @Value.Default
  public double middleOnFocusShare() {
    return 0.75;
  }

  /** The number of closeness circles of the inventory — rule N02. */
  @Value.Default
  public int circles() {
    return 3;
  }

  /** The primary symptom instrument — rules M01–M05, E05 and the outcome. */
  public abstract Instrument primaryInstrument();

  /** At most this many attended sessions between two primary measures (1 = every session) — M02. */
  public abstract int maxMeasureInterval();

  /**
   * Rise above the lowest earlier total (baseline included) counted as deterioration — M05;
   * empty: the instrument's default. Sources of the defaults: PHQ-9 6 and GAD-7 4, the
   * reliable-change criteria of the NHS Talking Therapies manual; EPDS 4, HAM-D-17 5, PCL-5 10
   * and BDI-II 5 are our defaults (†), chosen where no source gives a number.
   */
  public abstract OptionalInt deteriorationPoints();

  /** The sick role given in the initial phase — rule I03. */
  public abstract SickRole sickRole();

  /** Whether a caregiver must be involved in the initial and termination phases — rule I09. */
  @Value.Default
  public boolean caregiverInvolvement() {
    return false;
  }

  /** Non-IPT techniques this protocol allows (e.g. homework) — rule T01. */
  public abstract Set<Technique> allowedTechniques();

  /** Attended sessions that make a completer; empty: the profile defines no completer. */
  public abstract OptionalInt completerMinSessions();

  /** Weeks in treatment that a completer also needs (0: no such condition). */
  @Value.Default
  public int completerMinWeeks() {
    return 0;
  }

  /** Rule settings of this profile by rule code: switched off or a changed severity. */
  public abstract Map<String, RuleSetting> rules();

  /** Whether the profile has acute phases (initial, middle, termination); false for IPT-M. */
  public boolean hasAcutePhases() {
    return initialPhase().isPresent();
  }

  /** Whether the profile is a group profile (has pre-group sessions). */
  public boolean isGroup() {
    return preGroupSessions().max() > 0;
  }

  /**
   * The deterioration threshold in force (rule M05): the profile's, or the primary instrument's
   * default ({@link #deteriorationPoints()} names the sources).
   */
  public int deteriorationThreshold() {
    return deteriorationPoints().orElse(primaryInstrument().deteriorationPoints());
  }

  /**
   * The most sessions any session count of a profile may name: the sessions of a course, of a
   * phase or of the pre-group part, the ending lead, the measurement interval and the sessions
   * of a completer. Far above any IPT protocol (IPT-M runs monthly for a few years).
   */
  public static final int MAX_SESSIONS = 1_000;
  /** The longest session a profile may allow, in minutes, as a course may record it (1–600). */
  public static final int MAX_SESSION_MINUTES = 600;
  /** The longest gap between sessions a profile may allow, in days: ten years. */
  public static final int MAX_GAP_DAYS = 3_660;
  /** The most weeks a profile may name (the span of a course, a completer's weeks): ten years. */
  public static final int MAX_WEEKS = 520;
  /** The most closeness circles of an inventory (IPT uses three). */
  public static final int MAX_CIRCLES = 10;
  /** The most problem areas a profile may allow: there are four. */
  public static final int MAX_AREAS = 4;
  /** The largest deterioration threshold in points, above every instrument's highest total. */
  public static final int MAX_DETERIORATION_POINTS = 100;

  @Value.Check
  void check() {
    require(!id().isBlank(), "id must not be blank");
    requireRange(sessions(), "sessions", MAX_SESSIONS);
    requireRange(preGroupSessions(), "preGroupSessions", MAX_SESSIONS);
    requireRange(sessionMinutes(), "sessionMinutes", MAX_SESSION_MINUTES);
    initialPhase().ifPresent(r -> requireRange(r, "phases.initial", MAX_SESSIONS));
    terminationPhase().ifPresent(r -> requireRange(r, "phases.termination", MAX_SESSIONS));
    requireBetween(maxGapDays(), "maxGapDays", 1, MAX_GAP_DAYS);
    requireBetween(maxSpanWeeks(), "maxSpanWeeks", 1, MAX_WEEKS);
    require(minAttendance() >= 0 && minAttendance() <= 1,
        "minAttendance must be 0..1, was " + minAttendance());
    requireBetween(endingLeadSessions(), "phases.endingLeadSessions", 0, MAX_SESSIONS);
    requireBetween(maxAreas(), "focus.maxAreas", 1, MAX_AREAS);
    require(middleOnFocusShare() >= 0 && middleOnFocusShare() <= 1,
        "focus.middleOnFocusShare must be 0..1, was " + middleOnFocusShare());
    requireBetween(circles(), "circles", 1, MAX_CIRCLES);
    requireBetween(maxMeasureInterval(), "measurement.maxInterval", 1, MAX_SESSIONS);
    require(deteriorationPoints().orElse(1) >= 1,
        "measurement.deteriorationPoints must be >= 1");
    requireBetween(deteriorationPoints().orElse(1), "measurement.deteriorationPoints", 1,
        MAX_DETERIORATION_POINTS);
    require(initialPhase().isPresent() == terminationPhase().isPresent(),
        "phases.initial and phases.termination must be given together");
    if (completerMinSessions().isPresent()) {
      requireBetween(completerMinSessions().getAsInt(), "completer.minSessions", 0,
          MAX_SESSIONS);
    }
    require(completerMinWeeks() >= 0, "completer.minWeeks must be >= 0");
    requireBetween(completerMinWeeks(), "completer.minWeeks", 0, MAX_WEEKS);
    for (String code : rules().keySet()) {
      require(RuleCatalog.contains(code),
          "unknown rule code " + code + " in rules; known codes: " + RuleCatalog.codes());
    }
    for (Map.Entry<String, RuleSetting> rule : rules().entrySet()) {
      java.util.Optional<String> refusal = RuleCatalog.get(rule.getKey()).refusal(rule.getValue());
      require(refusal.isEmpty(), refusal.orElse(""));
    }
  }

  private static void requireBetween(int value, String parameter, int min, int max) {
    require(value >= min, parameter + " must be >= " + min + ", was " + value);
    require(value <= max, parameter + " must be at most " + max + ", was " + value);
  }

  private static void requireRange(IntRange range, String parameter, int max) {
    require(range.max() <= max,
        parameter + ".max must be at most " + max + ", was " + range.max());
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException("protocol profile: " + message);
    }
  }

  /** A builder of a profile. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a protocol profile attribute by attribute (each setter is named after the accessor it sets, whose
   * Javadoc says what it means); {@code build()} checks the whole.
   */
  public static final class Builder extends ImmutableProtocolProfile.Builder {
    Builder() {}
  }
}
