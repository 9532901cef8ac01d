package org.iptkit.rules.internal;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One deviation a rule found, before the checker stamps the rule's code, name and configured
 * severity on it to make a {@link org.iptkit.rules.Finding}.
 *
 * <p>The pointer and the message are functions, called once, by the checker, when it builds the
 * finding. Building them is string concatenation, which the JIT compiler would otherwise inline
 * into every rule at each place the rule reports a deviation: most of the machine code of the
 * rules was that, code that makes the compiler work longer and crowds the processor's
 * instruction cache while the rules check courses that keep them. Called through one interface
 * call that sees the messages of every rule, each message is compiled on its own, when it is
 * built often; a session's pointer is built in one place, from the course's facts.
 *
 * @param path the JSON Pointer into the course document, from the course's facts
 * @param message message naming session numbers and values, never identifiers or free text
 * @param session the session number, if the deviation is about one session
 * @param protocolPath JSON Pointer of the profile parameter the rule read, if any
 * @param instruction why the therapist acts on it in the next session, the agenda's words after
 *     the rule's action ("record a PHQ-9 in this session" + ": the last one was 4 sessions ago"),
 *     where the clinician can still act on it; {@code null} for a deviation in the past
 */
public record Deviation(Function<CourseFacts, String> path, Supplier<String> message,
    OptionalInt session, Optional<String> protocolPath, Supplier<String> instruction) {

  /** This deviation with the reason the therapist acts on it in the next session. */
  Deviation instructing(Supplier<String> text) {
    return new Deviation(path, message, session, protocolPath, text);
  }

  /** Why the therapist acts on it in the next session, if the clinician can still act on it. */
  public Optional<Supplier<String>> instructionFor() {
    return Optional.ofNullable(instruction);
  }
}
