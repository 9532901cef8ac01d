package org.iptkit.examples.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Runs the {@code ipt} tool in-process with captured standard output and error. */
final class Cli {
  private Cli() {}

  /** What one run of the tool left behind. */
  record Result(int code, byte[] outBytes, String err) {
    /** Standard output as UTF-8 text. */
    String out() {
      return new String(outBytes, StandardCharsets.UTF_8);
    }

    /** Everything the run wrote, for privacy checks. */
    String all() {
      return out() + "\n" + err;
    }
  }

  /** Runs the tool with empty standard input, not on a terminal. */
  static Result run(String... args) {
    return runWithInput(new byte[0], args);
  }

  /** Runs the tool with {@code in} as standard input. */
  static Result runWithInput(byte[] in, String... args) {
    return runOn(in, false, args);
  }

  /** Runs the tool; {@code terminal} says whether standard error is a terminal. */
  static Result runOn(byte[] in, boolean terminal, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    Io io = new Io(new ByteArrayInputStream(in), out, new PrintWriter(err, true), terminal);
    int code = Ipt.run(io, args);
    return new Result(code, out.toByteArray(), err.toString());
  }
}
