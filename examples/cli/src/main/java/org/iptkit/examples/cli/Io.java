package org.iptkit.examples.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The standard streams of one run of the {@code ipt} tool: standard input for the {@code -} path,
 * standard output for results only, standard error for messages and progress, and whether
 * standard error is a terminal (progress is shown only then). Tests give their own streams.
 *
 * @param in standard input
 * @param out standard output, written as UTF-8 bytes
 * @param err standard error
 * @param terminal whether a person is watching (progress for long runs is shown only then)
 */
public record Io(InputStream in, OutputStream out, PrintWriter err, boolean terminal) {
  /** Checks that every stream is given. */
  public Io {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
  }

  /** The process's own streams; a terminal when standard error is one. */
  public static Io system() {
    OutputStream out = new FileOutputStream(FileDescriptor.out);
    PrintWriter err = new PrintWriter(new BufferedWriter(new OutputStreamWriter(
        new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8)), true);
    return new Io(new FileInputStream(FileDescriptor.in), out, err, standardErrorIsTerminal());
  }

  /**
   * Whether standard error, where progress goes, is a terminal. Java 17 cannot ask that of one
   * stream ({@code System.console()} answers for standard input and output together, so
   * {@code ipt validate big > out}, the usual long run, would get no progress while a run whose
   * errors go to a file would get it there). Where the system shows the process's descriptors
   * ({@code /proc/self/fd} on Linux) the answer is read from there; elsewhere the console is
   * asked.
   */
  static boolean standardErrorIsTerminal() {
    try {
      return isTerminalDevice(Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString());
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return System.console() != null;
    }
  }

  /** Whether a descriptor's target (as {@code /proc/self/fd} shows it) is a terminal device. */
  static boolean isTerminalDevice(String target) {
    return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty")
        || target.equals("/dev/console");
  }
}
