package org.iptkit.examples.cli.html;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * An HTML page written as it is built: text is collected in a small buffer that is handed to the
 * output whenever it fills, so a course with a hundred thousand sessions or people gives a long
 * page but never a page-sized string in memory.
 */
final class Page {
  /** How much text is collected before it is handed to the output. */
  private static final int BUFFER = 1 << 16;

  private final Writer out;
  private final StringBuilder buffer = new StringBuilder(BUFFER + 1024);

  Page(Writer out) {
    this.out = out;
  }

  /** Appends text (already escaped where it quotes the input). */
  Page append(CharSequence text) {
    buffer.append(text);
    return drainWhenFull();
  }

  /** Appends a character. */
  Page append(char c) {
    buffer.append(c);
    return drainWhenFull();
  }

  /** Appends a whole number. */
  Page append(long number) {
    buffer.append(number);
    return drainWhenFull();
  }

  /** Appends a value the page shows as it is (a number, a date, an enumeration value). */
  Page append(Object value) {
    buffer.append(value);
    return drainWhenFull();
  }

  private Page drainWhenFull() {
    if (buffer.length() >= BUFFER) {
      drain();
    }
    return this;
  }

  /** Hands what was collected to the output and flushes it. */
  void flush() {
    drain();
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void drain() {
    try {
      out.append(buffer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    buffer.setLength(0);
  }
}
