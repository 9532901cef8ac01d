package org.iptkit.json.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.iptkit.core.Attendance;
import org.iptkit.core.ContactFrequency;
import org.iptkit.core.ContractKind;
import org.iptkit.core.CourseStatus;
import org.iptkit.core.DisputeStage;
import org.iptkit.core.Frequency;
import org.iptkit.core.Instrument;
import org.iptkit.core.Modality;
import org.iptkit.core.Phase;
import org.iptkit.core.ProblemAreaType;
import org.iptkit.core.Relationship;
import org.iptkit.core.SessionTask;
import org.iptkit.core.Setting;
import org.iptkit.core.SeverityBand;
import org.iptkit.core.Technique;
import org.iptkit.core.TransitionKind;
import org.iptkit.rules.RuleDomain;
import org.iptkit.rules.RuleOutcome;
import org.iptkit.rules.RuleSetting;
import org.iptkit.rules.Severity;
import org.iptkit.rules.SickRole;

/**
 * The wire names of one enumeration of the course, profile or report format (UPPER_SNAKE, exactly
 * the constant names) and the "one of …" text listing them for error messages.
 */
final class EnumCodec<E extends Enum<E>> {
  static final EnumCodec<CourseStatus> STATUS = new EnumCodec<>(CourseStatus.class);
  static final EnumCodec<ContractKind> CONTRACT_KIND = new EnumCodec<>(ContractKind.class);
  static final EnumCodec<Frequency> FREQUENCY = new EnumCodec<>(Frequency.class);
  static final EnumCodec<Relationship> RELATIONSHIP = new EnumCodec<>(Relationship.class);
  static final EnumCodec<ContactFrequency> CONTACT = new EnumCodec<>(ContactFrequency.class);
  static final EnumCodec<ProblemAreaType> AREA = new EnumCodec<>(ProblemAreaType.class);
  static final EnumCodec<DisputeStage> STAGE = new EnumCodec<>(DisputeStage.class);
  static final EnumCodec<TransitionKind> TRANSITION = new EnumCodec<>(TransitionKind.class);
  static final EnumCodec<Attendance> ATTENDANCE = new EnumCodec<>(Attendance.class);
  static final EnumCodec<Phase> PHASE = new EnumCodec<>(Phase.class);
  static final EnumCodec<Setting> SETTING = new EnumCodec<>(Setting.class);
  static final EnumCodec<Modality> MODALITY = new EnumCodec<>(Modality.class);
  static final EnumCodec<SessionTask> TASK = new EnumCodec<>(SessionTask.class);
  static final EnumCodec<Technique> TECHNIQUE = new EnumCodec<>(Technique.class);
  static final EnumCodec<Instrument> INSTRUMENT = new EnumCodec<>(Instrument.class);
  static final EnumCodec<SeverityBand> BAND = new EnumCodec<>(SeverityBand.class);
  static final EnumCodec<SickRole> SICK_ROLE = new EnumCodec<>(SickRole.class);
  static final EnumCodec<RuleSetting> RULE_SETTING = new EnumCodec<>(RuleSetting.class);
  static final EnumCodec<Severity> SEVERITY = new EnumCodec<>(Severity.class);
  static final EnumCodec<RuleOutcome> OUTCOME = new EnumCodec<>(RuleOutcome.class);
  static final EnumCodec<RuleDomain> DOMAIN = new EnumCodec<>(RuleDomain.class);

  private final Map<String, E> byName = new HashMap<>();
  // The constants by the length of their name, to find one from the parser's characters without
  // making a String of them: a course has about ten enumeration values per session.
  private final E[][] byLength;
  private final String oneOf;

  @SuppressWarnings("unchecked")
  private EnumCodec(Class<E> type) {
    StringJoiner names = new StringJoiner(", ", "one of ", "");
    int longest = 0;
    for (E constant : type.getEnumConstants()) {
      byName.put(constant.name(), constant);
      names.add(constant.name());
      longest = Math.max(longest, constant.name().length());
    }
    this.oneOf = names.toString();
    List<E>[] lists = new List[longest + 1];
    for (E constant : type.getEnumConstants()) {
      int length = constant.name().length();
      if (lists[length] == null) {
        lists[length] = new ArrayList<>();
      }
      lists[length].add(constant);
    }
    this.byLength = (E[][]) java.lang.reflect.Array.newInstance(type, lists.length, 0);
    for (int length = 0; length < lists.length; length++) {
      if (lists[length] != null) {
        byLength[length] = lists[length].toArray(
            (E[]) java.lang.reflect.Array.newInstance(type, lists[length].size()));
      }
    }
  }

  /** The constant with this wire name, or null. */
  E lookup(String name) {
    return byName.get(name);
  }

  /** The constant whose wire name is {@code chars[offset, offset + length)}, or null. */
  E lookup(char[] chars, int offset, int length) {
    if (length >= byLength.length) {
      return null;
    }
    E[] candidates = byLength[length];
    for (E candidate : candidates) {
      String name = candidate.name();
      int i = 0;
      while (i < length && name.charAt(i) == chars[offset + i]) {
        i++;
      }
      if (i == length) {
        return candidate;
      }
    }
    return null;
  }

  /** "one of A, B, C". */
  String oneOf() {
    return oneOf;
  }
}
