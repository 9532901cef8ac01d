package org.iptkit.json.internal;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.util.Instantiatable;

/**
 * The pretty layout of course documents: two-space indentation, {@code "name": value}, objects and
 * arrays of objects one entry per line, arrays of plain values (item scores, tasks, goals) on one
 * line, empty arrays as {@code []}. An array's layout is decided by its first element, so the
 * printer needs no knowledge of the format.
 */
public final class CoursePrettyPrinter implements PrettyPrinter, Instantiatable<CoursePrettyPrinter> {
  private static final int INLINE = 0;
  private static final int MULTILINE = 1;
  private static final int UNDECIDED = 2;

  /** Per open array (innermost last): its layout. */
  private int[] arrays = new int[16];
  private int openArrays;
  /** Whether the innermost open array has had no value yet. */
  private boolean arrayEmpty;
  private int indent;

  @Override
  public CoursePrettyPrinter createInstance() {
    return new CoursePrettyPrinter();
  }

  @Override
  public void writeRootValueSeparator(JsonGenerator g) {
    g.writeRaw('\n');
  }

  @Override
  public void writeStartObject(JsonGenerator g) {
    openInArray(g);
    g.writeRaw('{');
    indent++;
  }

  @Override
  public void beforeObjectEntries(JsonGenerator g) {
    newline(g);
  }

  @Override
  public void writeObjectNameValueSeparator(JsonGenerator g) {
    g.writeRaw(": ");
  }

  @Override
  public void writeObjectEntrySeparator(JsonGenerator g) {
    g.writeRaw(',');
    newline(g);
  }

  @Override
  public void writeEndObject(JsonGenerator g, int entries) {
    indent--;
    if (entries > 0) {
      newline(g);
    }
    g.writeRaw('}');
  }

  @Override
  public void writeStartArray(JsonGenerator g) {
    openInArray(g);
    g.writeRaw('[');
    if (openArrays == arrays.length) {
      arrays = java.util.Arrays.copyOf(arrays, openArrays * 2);
    }
    arrays[openArrays++] = UNDECIDED;
    arrayEmpty = true;
  }

  @Override
  public void beforeArrayValues(JsonGenerator g) {
    // decided by the first value: see openInArray
  }

  @Override
  public void writeArrayValueSeparator(JsonGenerator g) {
    g.writeRaw(',');
    if (arrays[openArrays - 1] == MULTILINE) {
      newline(g);
    } else {
      arrays[openArrays - 1] = INLINE;
      g.writeRaw(' ');
    }
  }

  @Override
  public void writeEndArray(JsonGenerator g, int values) {
    int layout = arrays[--openArrays];
    arrayEmpty = false;
    if (layout == MULTILINE) {
      indent--;
      newline(g);
    }
    g.writeRaw(']');
  }

  /** An object or array about to open as the first value of an array makes that array multiline. */
  private void openInArray(JsonGenerator g) {
    if (openArrays > 0 && arrayEmpty && arrays[openArrays - 1] == UNDECIDED) {
      arrays[openArrays - 1] = MULTILINE;
      indent++;
      newline(g);
    }
    arrayEmpty = false;
  }

  private void newline(JsonGenerator g) {
    g.writeRaw('\n');
    for (int i = 0; i < indent; i++) {
      g.writeRaw("  ");
    }
  }
}
