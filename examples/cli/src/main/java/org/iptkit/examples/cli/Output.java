package org.iptkit.examples.cli;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iptkit.json.SafeText;

/**
 * Where a command writes its results: standard output (flushed, never closed) or the file of
 * {@code --out}. Text is written as UTF-8 with {@code \n} line ends on every platform, so the
 * same input gives the same bytes.
 */
final class Output implements AutoCloseable {
  private final OutputStream stream;
  private final boolean owned;
  private Writer text;

  private Output(OutputStream stream, boolean owned) {
    this.stream = stream;
    this.owned = owned;
  }

  /**
   * The file of {@code --out}, or standard output when it is null.
   *
   * @throws UserException when the file cannot be created
   */
  static Output of(Io io, Path file) {
    if (file == null) {
      return new Output(new BufferedOutputStream(new FilterOutputStream(io.out()) {
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
          flush();
        }
      }, 1 << 16), false);
    }
    try {
      return new Output(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), true);
    } catch (IOException e) {
      throw new UserException("cannot write " + file + ": " + Diagnostics.describe(e));
    }
  }

  /** The bytes of the results (for JSON and NDJSON writers). */
  OutputStream stream() {
    return stream;
  }

  /** The text of the results, UTF-8. */
  Writer text() {
    if (text == null) {
      text = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
    }
    return text;
  }

  /**
   * Writes a line of text followed by {@code \n}. What the line quotes from the input (ids,
   * protocol titles, enumeration-like values) cannot break it or steer a terminal: control
   * characters, bidirectional controls and line breaks in it are written visibly
   * ({@link SafeText#escape(String)}).
   */
  void line(String line) {
    try {
      text().write(SafeText.escape(line));
      text().write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes text as it is (HTML, JSON and CSV, which escape what they quote themselves). */
  void print(String value) {
    try {
      text().write(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Flushes what was written, so a long run shows its results as they come. */
  void flush() {
    try {
      if (text != null) {
        text.flush();
      }
      stream.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Flushes the results; closes the file of {@code --out}, never standard output. */
  @Override
  public void close() {
    flush();
    if (owned) {
      try {
        stream.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
