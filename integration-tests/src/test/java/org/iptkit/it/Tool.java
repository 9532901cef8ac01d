package org.iptkit.it;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.iptkit.examples.cli.Io;
import org.iptkit.examples.cli.Ipt;

/** Runs the {@code ipt} tool in-process, as {@code java -jar ipt.jar} would, with captured streams. */
final class Tool {
  private Tool() {}

  /** What one run left behind: the exit code, standard output and standard error. */
  record Result(int code, byte[] outBytes, String err) {
    /** Standard output as UTF-8 text. */
    String out() {
      return new String(outBytes, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return "exit " + code + ", stderr: " + (err.length() > 500 ? err.substring(0, 500) : err);
    }
  }

  /** Runs the tool with empty standard input. */
  static Result run(String... args) {
    return runWithInput(new byte[0], args);
  }

  /**
   * Runs the tool with {@code in} as standard input (read for the path {@code -}). Standard error
   * is kept up to its first {@link #KEPT} characters: a hostile input can make the tool report
   * millions of bad records, which a terminal would scroll past but memory would not hold.
   */
  static Result runWithInput(byte[] in, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    Writer bounded = new Writer() {
      @Override
      public void write(char[] chars, int offset, int length) {
        int room = KEPT - err.getBuffer().length();
        if (room > 0) {
          err.write(chars, offset, Math.min(room, length));
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Io io = new Io(new ByteArrayInputStream(in), out, new PrintWriter(bounded, true), false);
    int code = Ipt.run(io, args);
    return new Result(code, out.toByteArray(), err.toString());
  }

  /** How much of standard error a run keeps. */
  static final int KEPT = 200_000;
}
