package org.iptkit.examples.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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

  /** The process's own streams; a terminal when the JVM has a console. */
  public static Io system() {
    OutputStream out = new FileOutputStream(FileDescriptor.out);
    PrintWriter err = new PrintWriter(new BufferedWriter(new OutputStreamWriter(
        new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8)), true);
    return new Io(new FileInputStream(FileDescriptor.in), out, err, System.console() != null);
  }
}
