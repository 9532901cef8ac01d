package org.iptkit.examples.cli.html;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;

/** Small helpers to write self-contained HTML and inline SVG safely (escaping, number format). */
final class Html {
  private Html() {}

  /** The page's shared style sheet: no external assets, readable when printed. */
  static final String STYLE = """
      body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem;\
      color:#1d2433;max-width:1100px}
      h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #dde}
      table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}
      th,td{border:1px solid #ccd;padding:.25rem .5rem;text-align:left;vertical-align:top}
      th{background:#f3f4f8}td.num{text-align:right;font-variant-numeric:tabular-nums}
      .ERROR{color:#b00020;font-weight:600}.WARNING{color:#8a5a00}.INFO{color:#445}
      figure{margin:1rem 0}figcaption{font-size:.85rem;color:#445}
      details{margin:.5rem 0}summary{cursor:pointer}
      .legend span{display:inline-block;margin-right:1rem;font-size:.85rem}
      .sw{display:inline-block;width:.9rem;height:.9rem;vertical-align:middle;margin-right:.3rem;\
      border:1px solid #889}
      """;

  /** Escapes text for HTML and SVG content and attribute values. */
  static String esc(Object value) {
    String text = String.valueOf(value);
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Formats a coordinate with one decimal, independent of the default locale. */
  static String num(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /**
   * Formats a share in [0, 1] as a whole percentage; a share below 1 never shows as 100% and one
   * above 0 never as 0%, so "100%" always means all.
   */
  static String percent(double share) {
    long rounded = Math.round(share * 100);
    if (rounded == 100 && share < 1) {
      rounded = 99;
    } else if (rounded == 0 && share > 0) {
      rounded = 1;
    }
    return rounded + "%";
  }

  /** A count with its noun, singular for one: {@code 1 session}, {@code 2 sessions}. */
  static String count(long n, String noun) {
    return count(n, noun, noun + "s");
  }

  /** A count with its noun, singular for one and the given plural otherwise. */
  static String count(long n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }

  /**
   * A page written to a {@link Writer} as it is built: text is gathered in a buffer that is
   * passed on whenever it grows past a few dozen kilobytes, so a page of any size never exists
   * as one string. The {@code append} methods mirror {@link StringBuilder}'s.
   */
  static final class Page {
    private static final int CHUNK = 1 << 16;
    private final StringBuilder buffer = new StringBuilder(CHUNK + 4096);
    private final Writer out;

    Page(Writer out) {
      this.out = out;
    }

    Page append(CharSequence text) {
      buffer.append(text);
      return this;
    }

    Page append(char c) {
      buffer.append(c);
      return this;
    }

    Page append(long value) {
      buffer.append(value);
      return this;
    }

    Page append(Object value) {
      buffer.append(value);
      return this;
    }

    /** Passes the buffer on when it is large; call between rows of long tables. */
    void drain() {
      if (buffer.length() >= CHUNK) {
        flush();
      }
    }

    /** Passes everything on and flushes the writer. */
    void flush() {
      try {
        out.write(buffer.toString());
        buffer.setLength(0);
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Opens a page with a title on a writer. */
  static Page open(String title, Writer out) {
    Page page = new Page(out);
    page.append(open(title));
    return page;
  }

  /** Closes a page on a writer and passes the rest on. */
  static void close(Page page) {
    page.append(close(new StringBuilder()));
    page.flush();
  }

  /** Opens a page with a title. */
  static StringBuilder open(String title) {
    StringBuilder html = new StringBuilder(16_384);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(esc(title)).append("</title>\n<style>")
        .append(STYLE).append("</style>\n</head>\n<body>\n");
    return html;
  }

  /** Closes a page. */
  static String close(StringBuilder html) {
    return html.append("<footer><p><small>Generated by iptkit. Charts have text equivalents in")
        .append(" the tables that follow them.</small></p></footer>\n</body>\n</html>\n")
        .toString();
  }
}
