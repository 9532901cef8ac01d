package org.iptkit.examples.cli;

/**
 * A problem the user of the tool can fix (a missing file, an unknown protocol profile, a
 * protocol file that does not read): shown as one line on standard error, without a stack
 * trace, and the run ends with exit code 2. Messages never quote patient data.
 */
final class UserException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UserException(String message) {
    super(message, null, false, false);
  }
}
