package org.iptkit.rules.internal;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * One deviation a rule found, before the checker stamps the rule's code, name and configured
 * severity on it to make a {@link org.iptkit.rules.Finding}.
 *
 * @param path JSON Pointer into the course document
 * @param message message naming session numbers and values, never identifiers or free text
 * @param session the session number, if the deviation is about one session
 * @param protocolPath JSON Pointer of the profile parameter the rule read, if any
 */
public record Deviation(String path, String message, OptionalInt session,
    Optional<String> protocolPath) {}
