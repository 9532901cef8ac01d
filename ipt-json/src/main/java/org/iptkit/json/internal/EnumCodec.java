package org.iptkit.json.internal;

import java.util.HashMap;
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
  /** One codec per enumeration, made when first asked for. */
  private static final Map<Class<?>, EnumCodec<?>> CODECS =
      new java.util.concurrent.ConcurrentHashMap<>();

  static final EnumCodec<CourseStatus> STATUS = of(CourseStatus.class);
  static final EnumCodec<Phase> PHASE = of(Phase.class);
  static final EnumCodec<Technique> TECHNIQUE = of(Technique.class);
  static final EnumCodec<Instrument> INSTRUMENT = of(Instrument.class);
  static final EnumCodec<SeverityBand> BAND = of(SeverityBand.class);
  static final EnumCodec<SickRole> SICK_ROLE = of(SickRole.class);
  static final EnumCodec<RuleSetting> RULE_SETTING = of(RuleSetting.class);
  static final EnumCodec<Severity> SEVERITY = of(Severity.class);
  static final EnumCodec<RuleOutcome> OUTCOME = of(RuleOutcome.class);

  private final Map<String, E> byName = new HashMap<>();
  // The constants in an open-addressing table by a cheap hash of their name (length and three
  // characters), to find one from the parser's characters without making a String of them: a
  // course has about ten enumeration values per session. The name is compared in full after.
  private final E[] table;
  private final char[][] tableNames;
  // The same names as bytes (they are ASCII), for the course scanner, which reads the input's
  // bytes without decoding them.
  private final byte[][] tableBytes;
  private final long[] tableWords;
  private final int mask;
  private final String oneOf;

  @SuppressWarnings("unchecked")
  private EnumCodec(Class<E> type) {
    StringJoiner names = new StringJoiner(", ", "one of ", "");
    E[] constants = type.getEnumConstants();
    for (E constant : constants) {
      byName.put(constant.name(), constant);
      names.add(constant.name());
    }
    this.oneOf = names.toString();
    int size = Integer.highestOneBit(Math.max(4, constants.length) * 4);
    this.table = (E[]) java.lang.reflect.Array.newInstance(type, size);
    this.tableNames = new char[size][];
    this.tableBytes = new byte[size][];
    this.tableWords = new long[size];
    this.mask = size - 1;
    for (E constant : constants) {
      String name = constant.name();
      int slot = hash(name.length(), name.charAt(0), name.charAt(name.length() / 2),
          name.charAt(name.length() - 1)) & mask;
      while (table[slot] != null) {
        slot = (slot + 1) & mask;
      }
      table[slot] = constant;
      tableNames[slot] = name.toCharArray();
      tableBytes[slot] = name.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      tableWords[slot] = Bytes.word(tableBytes[slot]);
    }
  }

  private static int hash(int length, char first, char middle, char last) {
    int hash = length * 0x9E3779B1 + first * 31 * 31 + middle * 31 + last;
    return hash ^ (hash >>> 15);
  }

  /** The codec of the enumeration {@code type}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static <E extends Enum<E>> EnumCodec<E> of(Class<E> type) {
    return (EnumCodec<E>) CODECS.computeIfAbsent(type, t -> new EnumCodec(t));
  }

  /** The codec of the enumeration a descriptor's choice lists the constants of. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static EnumCodec<?> of(WireFormat.Choice choice) {
    return of((Class) choice.type());
  }

  /** The constant with this wire name, or null. */
  E lookup(String name) {
    return byName.get(name);
  }

  /** The constant whose wire name is {@code chars[offset, offset + length)}, or null. */
  E lookup(char[] chars, int offset, int length) {
    if (length == 0) {
      return null;
    }
    int hash = hash(length, chars[offset], chars[offset + length / 2], chars[offset + length - 1]);
    for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
      char[] name = tableNames[slot];
      if (name == null) {
        return null;
      }
      if (name.length == length
          && java.util.Arrays.equals(name, 0, length, chars, offset, offset + length)) {
        return table[slot];
      }
    }
  }

  /**
   * The constant whose wire name is the bytes {@code bytes[offset, offset + length)}, or null
   * (also for bytes that are not ASCII: no wire name has any).
   */
  E lookup(byte[] bytes, int offset, int length) {
    if (length == 0) {
      return null;
    }
    int hash = hash(length, (char) bytes[offset], (char) bytes[offset + length / 2],
        (char) bytes[offset + length - 1]);
    for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
      byte[] name = tableBytes[slot];
      if (name == null) {
        return null;
      }
      if (name.length == length && Bytes.equalsAt(bytes, offset, name, tableWords[slot])) {
        return table[slot];
      }
    }
  }

  /** "one of A, B, C". */
  String oneOf() {
    return oneOf;
  }
}
