package org.iptkit.fhir.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.iptkit.core.Instrument;

/**
 * The LOINC codes iptkit reads and writes for the symptom measures, in one table: for PHQ-9 the
 * panel 44249-1, the total 44261-6 and the nine items; for GAD-7 the panel 69737-5, the total
 * 70274-6 and the seven items; for EPDS the panel 71354-5 (its total and item codes are not
 * verified here, so EPDS items are read by iptkit code or linkId). The shared PHQ answer list
 * LL358-3 (LA6568-5 "Not at all" 0 … LA6571-9 "Nearly every day" 3) scores PHQ-9 and GAD-7 items
 * given as answer codes.
 */
final class Loinc {
  private Loinc() {}

  /** What a LOINC code stands for: a panel, a total score, or item {@code item} (from 1). */
  enum Role { PANEL, TOTAL, ITEM, NOT_SCORED }

  /** A LOINC code's meaning for one instrument. */
  record Concept(Instrument instrument, Role role, int item) {}

  private record Codes(String panel, String total, List<String> items) {}

  private static final Map<Instrument, Codes> CODES = Map.of(
      Instrument.PHQ9, new Codes("44249-1", "44261-6", List.of("44250-9", "44255-8", "44259-0",
          "44254-1", "44251-7", "44258-2", "44252-5", "44253-3", "44260-8")),
      Instrument.GAD7, new Codes("69737-5", "70274-6", List.of("69725-0", "68509-9", "69733-4",
          "69734-2", "69735-9", "69689-8", "69736-7")),
      Instrument.EPDS, new Codes("71354-5", null, List.of()));

  /**
   * The PHQ-9 difficulty question (69722-7): part of the form, not of the score, and not stored
   * by iptkit (a warning says it was left out).
   */
  static final String PHQ9_DIFFICULTY = "69722-7";

  /** LL358-3: the PHQ answers and their scores. */
  private static final Map<String, Integer> PHQ_ANSWERS = Map.of(
      "LA6568-5", 0, "LA6569-3", 1, "LA6570-1", 2, "LA6571-9", 3);

  private static final Map<String, Concept> BY_CODE = index();

  private static Map<String, Concept> index() {
    Map<String, Concept> map = new HashMap<>();
    CODES.forEach((instrument, codes) -> {
      map.put(codes.panel(), new Concept(instrument, Role.PANEL, 0));
      if (codes.total() != null) {
        map.put(codes.total(), new Concept(instrument, Role.TOTAL, 0));
      }
      for (int i = 0; i < codes.items().size(); i++) {
        map.put(codes.items().get(i), new Concept(instrument, Role.ITEM, i + 1));
      }
    });
    map.put(PHQ9_DIFFICULTY, new Concept(Instrument.PHQ9, Role.NOT_SCORED, 0));
    return Map.copyOf(map);
  }

  /** What a LOINC code means for the instruments iptkit reads, if anything. */
  static Optional<Concept> concept(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(BY_CODE.get(code));
  }

  /** The LOINC code of an instrument's total score, where verified (PHQ-9, GAD-7). */
  static Optional<String> total(Instrument instrument) {
    Codes codes = CODES.get(instrument);
    return codes == null ? Optional.empty() : Optional.ofNullable(codes.total());
  }

  /** The LOINC code of an instrument's panel, where verified (PHQ-9, GAD-7, EPDS). */
  static Optional<String> panel(Instrument instrument) {
    Codes codes = CODES.get(instrument);
    return codes == null ? Optional.empty() : Optional.of(codes.panel());
  }

  /** The LOINC code of item {@code number} (from 1), where verified (PHQ-9, GAD-7). */
  static Optional<String> item(Instrument instrument, int number) {
    Codes codes = CODES.get(instrument);
    return codes == null || number > codes.items().size() ? Optional.empty()
        : Optional.of(codes.items().get(number - 1));
  }

  /** The score of a LOINC answer code for an item of {@code instrument}, if LOINC scores it. */
  static OptionalInt answerScore(Instrument instrument, String answerCode) {
    if ((instrument == Instrument.PHQ9 || instrument == Instrument.GAD7)
        && PHQ_ANSWERS.containsKey(answerCode)) {
      return OptionalInt.of(PHQ_ANSWERS.get(answerCode));
    }
    return OptionalInt.empty();
  }
}
