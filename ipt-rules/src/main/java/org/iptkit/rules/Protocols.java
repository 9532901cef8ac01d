package org.iptkit.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iptkit.core.Instrument;

/**
 * The built-in protocol profiles of docs/clinical.md, Built-in profiles, as named constants, and a
 * lookup by id. Parameters marked † in docs/clinical.md (and below) are defaults chosen where the
 * source gives no number; unverified values are configurable in a derived profile and not presented
 * as fact.
 *
 * <pre>{@code
 * ProtocolProfile profile = Protocols.get("ipt-acute-16");   // unknown id: error listing the ids
 * }</pre>
 */
public final class Protocols {
  private Protocols() {}

  /**
   * {@code ipt-acute-16}: individual IPT for depression, 12–16 weekly sessions of 45–60 minutes,
   * initial phase 1–3 sessions, ending in the last 1–4 and discussed at least 2 sessions ahead;
   * PHQ-9 at baseline, at least every 4 sessions and at the end. Sources: Weissman, Markowitz &amp;
   * Klerman 2000 ch.7 and 2018. †: maximum gap 14 days, span 20 weeks, attendance 0.75.
   */
  public static final ProtocolProfile IPT_ACUTE_16 = base("ipt-acute-16",
      "Individual IPT for depression, 12-16 weekly sessions",
      "Weissman, Markowitz & Klerman 2000 ch.7; 2018 ch.2")
      .sessions(IntRange.of(12, 16))
      .maxSpanWeeks(20)
      .initialPhase(IntRange.of(1, 3))
      .terminationPhase(IntRange.of(1, 4))
      .completerMinSessions(12)
      .build();

  /**
   * {@code ipt-uk-16}: the UK service model, up to 16 sessions in phases 1–4 / 5–12 / 13–16.
   * Sources: Leeds IAPT; IPTUK "Stages of IPT". †: 12 as the minimum session count, gap 14 days,
   * span 20 weeks, attendance 0.75.
   */
  public static final ProtocolProfile IPT_UK_16 = base("ipt-uk-16",
      "UK service model of IPT, up to 16 sessions", "Leeds IAPT; IPTUK Stages of IPT")
      .sessions(IntRange.of(12, 16))
      .maxSpanWeeks(20)
      .initialPhase(IntRange.of(1, 4))
      .terminationPhase(IntRange.of(1, 4))
      .completerMinSessions(12)
      .build();

  /**
   * {@code ipt-a-12}: IPT for depressed adolescents, 12 sessions within 16 weeks, a caregiver
   * involved at start and end, the limited sick role. Sources: Mufson et al. 1999, 2004. The phase
   * split 1–4 / 5–8 / 9–12 is unverified. †: 35–60 minutes, gap 14 days, completer 9 sessions.
   */
  public static final ProtocolProfile IPT_A_12 = base("ipt-a-12",
      "IPT for depressed adolescents (IPT-A), 12 sessions", "Mufson et al. 1999; 2004")
      .sessions(IntRange.of(12, 12))
      .sessionMinutes(IntRange.of(35, 60))
      .maxSpanWeeks(16)
      .initialPhase(IntRange.of(1, 4))
      .terminationPhase(IntRange.of(1, 4))
      .sickRole(SickRole.LIMITED)
      .caregiverInvolvement(true)
      .completerMinSessions(9)
      .build();

  /**
   * {@code ipt-b-8}: brief IPT, 8 sessions (plus an optional engagement session). Sources: Swartz,
   * Grote &amp; Graham 2014; Grote et al. 2009. Phases 1–2 / 3–6 / 7–8 unverified. †: ending lead 1,
   * one problem area, span 12 weeks, completer 6 sessions.
   */
  public static final ProtocolProfile IPT_B_8 = base("ipt-b-8",
      "Brief IPT (IPT-B), 8 sessions", "Swartz, Grote & Graham 2014; Grote et al. 2009")
      .sessions(IntRange.of(8, 8))
      .maxSpanWeeks(12)
      .initialPhase(IntRange.of(1, 2))
      .terminationPhase(IntRange.of(1, 2))
      .endingLeadSessions(1)
      .maxAreas(1)
      .completerMinSessions(6)
      .build();

  /**
   * {@code group-ipt-8}: WHO Group IPT, 1–2 individual pre-group sessions then 8 weekly group
   * sessions (group 1 initial, 2–7 middle, 8 ending). Sources: WHO 2016 (WHO/MSD/MER/16.4);
   * Ethiopia pilot 2021. †: 60–120 minutes per group session (90 unverified), ending lead 1,
   * span 12 weeks, completer 6 sessions.
   */
  public static final ProtocolProfile GROUP_IPT_8 = base("group-ipt-8",
      "WHO Group IPT, 8 weekly group sessions", "WHO Group IPT for Depression 2016")
      .sessions(IntRange.of(8, 8))
      .preGroupSessions(IntRange.of(1, 2))
      .sessionMinutes(IntRange.of(60, 120))
      .maxSpanWeeks(12)
      .initialPhase(IntRange.of(1, 1))
      .terminationPhase(IntRange.of(1, 1))
      .endingLeadSessions(1)
      .completerMinSessions(6)
      .build();

  /**
   * {@code ipc-6}: Interpersonal Counseling in primary care, 3–6 sessions of 20–60 minutes
   * (first session initial, last session ending). Sources: Weissman et al. 2014; Judd. †: gap 21
   * days, span 10 weeks, ending lead 1, one problem area; PHQ-9 at least every 3 sessions.
   */
  public static final ProtocolProfile IPC_6 = base("ipc-6",
      "Interpersonal Counseling (IPC), 3-6 sessions", "Weissman et al. 2014")
      .sessions(IntRange.of(3, 6))
      .sessionMinutes(IntRange.of(20, 60))
      .maxGapDays(21)
      .maxSpanWeeks(10)
      .initialPhase(IntRange.of(1, 1))
      .terminationPhase(IntRange.of(1, 1))
      .endingLeadSessions(1)
      .maxAreas(1)
      .maxMeasureInterval(3)
      .completerMinSessions(3)
      .build();

  /**
   * {@code ipt-ptsd-14}: IPT for PTSD, 14 weekly sessions of about 50 minutes, phases 1–3 / 4–11 /
   * 12–14, PCL-5 as the primary measure. Source: Markowitz et al. 2015. †: span 18 weeks,
   * completer 11 sessions.
   */
  public static final ProtocolProfile IPT_PTSD_14 = base("ipt-ptsd-14",
      "IPT for PTSD, 14 weekly sessions", "Markowitz et al., Am J Psychiatry 2015;172:430")
      .sessions(IntRange.of(14, 14))
      .maxSpanWeeks(18)
      .initialPhase(IntRange.of(1, 3))
      .terminationPhase(IntRange.of(1, 3))
      .primaryInstrument(Instrument.PCL5)
      .completerMinSessions(11)
      .build();

  /**
   * {@code ipt-ppd-12}: IPT for postpartum depression, 12 weekly sessions, phases 1–3 / 4–9 /
   * 10–12, EPDS as the primary measure (item 10 the safety item). Source: O'Hara et al. 2000.
   * †: span 16 weeks, completer 9 sessions.
   */
  public static final ProtocolProfile IPT_PPD_12 = base("ipt-ppd-12",
      "IPT for postpartum depression, 12 weekly sessions", "O'Hara et al. 2000")
      .sessions(IntRange.of(12, 12))
      .maxSpanWeeks(16)
      .initialPhase(IntRange.of(1, 3))
      .terminationPhase(IntRange.of(1, 3))
      .primaryInstrument(Instrument.EPDS)
      .completerMinSessions(9)
      .build();

  /**
   * {@code ipt-m-monthly}: maintenance IPT, monthly sessions for up to 36 months under its own
   * MAINTENANCE contract, one MAINTENANCE phase (no acute-phase rules, no sick role). Sources:
   * Frank et al. 1990, 2007. †: gap 45 days, span 160 weeks, ending lead 1; PHQ-9 at least every
   * 3 sessions; no completer definition.
   */
  public static final ProtocolProfile IPT_M_MONTHLY = base("ipt-m-monthly",
      "Maintenance IPT (IPT-M), monthly sessions", "Frank et al. 1990; 2007")
      .sessions(IntRange.of(1, 36))
      .maxGapDays(45)
      .maxSpanWeeks(160)
      .endingLeadSessions(1)
      .maxMeasureInterval(3)
      .sickRole(SickRole.NONE)
      .build();

  private static final Map<String, ProtocolProfile> BY_ID;

  static {
    Map<String, ProtocolProfile> byId = new LinkedHashMap<>();
    for (ProtocolProfile profile : List.of(IPT_ACUTE_16, IPT_UK_16, IPT_A_12, IPT_B_8,
        GROUP_IPT_8, IPC_6, IPT_PTSD_14, IPT_PPD_12, IPT_M_MONTHLY)) {
      byId.put(profile.id(), profile);
    }
    BY_ID = Collections.unmodifiableMap(byId);
  }

  /** The shared defaults of the built-in profiles (weekly, 45–60 minutes, PHQ-9 every 4). */
  private static ProtocolProfile.Builder base(String id, String title, String source) {
    return ProtocolProfile.builder()
        .id(id)
        .title(title)
        .source(source)
        .sessionMinutes(IntRange.of(45, 60))
        .maxGapDays(14)
        .minAttendance(0.75)
        .endingLeadSessions(2)
        .primaryInstrument(Instrument.PHQ9)
        .maxMeasureInterval(4)
        .sickRole(SickRole.FULL);
  }

  /** Every built-in profile, in the order of docs/clinical.md, Built-in profiles. */
  public static List<ProtocolProfile> all() {
    return new ArrayList<>(BY_ID.values());
  }

  /** The ids of the built-in profiles. */
  public static List<String> ids() {
    return new ArrayList<>(BY_ID.keySet());
  }

  /** The built-in profile with this id. */
  public static Optional<ProtocolProfile> find(String id) {
    return Optional.ofNullable(BY_ID.get(id));
  }

  /**
   * The built-in profile with this id.
   *
   * @throws IllegalArgumentException for an unknown id, listing the known ids
   */
  public static ProtocolProfile get(String id) {
    ProtocolProfile profile = BY_ID.get(id);
    if (profile == null) {
      throw new IllegalArgumentException(
          "unknown protocol profile '" + id + "'; known profiles: " + String.join(", ", ids()));
    }
    return profile;
  }
}
