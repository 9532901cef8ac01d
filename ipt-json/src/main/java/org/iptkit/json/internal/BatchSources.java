package org.iptkit.json.internal;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.iptkit.core.TreatmentCourse;
import org.iptkit.json.BatchFormat;
import org.iptkit.json.BatchRecord;
import org.iptkit.json.JsonReadException;
import org.iptkit.json.JsonReadException.Problem;
import org.iptkit.json.ReadWarning;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.JacksonIOException;

/**
 * The record iterators behind the batch reader: a JSON array, NDJSON lines, a sequence of
 * documents, a directory tree. Each keeps one record (and one open file) at a time.
 */
public final class BatchSources {
  private BatchSources() {}

  /**
   * Records of one stream; {@code owned} is closed with the iterator (may be null). With
   * {@code deferred}, NDJSON lines are copied out to be parsed later, on any thread; without,
   * each is parsed at once, in place.
   */
  public static RecordIterator open(JsonSettings settings, InputStream in, String source,
      BatchFormat format, boolean owned, boolean deferred) {
    BufferedInputStream buffered = in instanceof BufferedInputStream b ? b
        : new BufferedInputStream(in, 1 << 16);
    BatchFormat chosen = format;
    if (chosen == BatchFormat.AUTO) {
      chosen = byName(source);
    }
    if (chosen == BatchFormat.AUTO) {
      chosen = detect(buffered, settings.maxDocumentLength());
    }
    InputStream toClose = owned ? buffered : null;
    return switch (chosen) {
      case NDJSON -> new NdjsonRecords(settings, buffered, source, toClose, deferred);
      case JSON_ARRAY -> new ParsedRecords(settings, Encodings.checked(buffered), source, toClose,
          true);
      case DOCUMENTS, AUTO -> new ParsedRecords(settings, Encodings.checked(buffered), source,
          toClose, false);
    };
  }

  /**
   * Records of a file, or of every course file under a directory in sorted order; NDJSON lines
   * {@code deferred} or not as for a stream.
   */
  public static RecordIterator open(JsonSettings settings, Path path, BatchFormat format,
      boolean deferred) {
    if (Files.isDirectory(path)) {
      return new DirectoryRecords(settings, path, format, deferred);
    }
    return openFile(settings, path, format, deferred);
  }

  private static RecordIterator openFile(JsonSettings settings, Path file, BatchFormat format,
      boolean deferred) {
    try {
      InputStream in = Files.newInputStream(file);
      if (!Files.isRegularFile(file)) {
        in = new UnsizedInputStream(in);
      }
      return open(settings, in, file.toString(), format, true, deferred);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A stream of a named pipe or a {@code <(command)} path, opened once and read front to back.
   * The file-channel stream of {@link Files#newInputStream} answers {@code available()} from the
   * channel's size and position, and a pipe has neither ("Illegal seek"); a buffered reader asks
   * for it after a short read. Here it is 0, which only means "not known without blocking".
   */
  private static final class UnsizedInputStream extends FilterInputStream {
    UnsizedInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int available() {
      return 0;
    }
  }

  /** NDJSON for a {@code .ndjson} / {@code .jsonl} name, else undecided. */
  static BatchFormat byName(String source) {
    String name = source == null ? "" : source.toLowerCase(Locale.ROOT);
    return name.endsWith(".ndjson") || name.endsWith(".jsonl") ? BatchFormat.NDJSON
        : BatchFormat.AUTO;
  }

  /** Whether a file name is one the batch reader takes from a directory. */
  static boolean isCourseFile(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".json") || name.endsWith(".ndjson") || name.endsWith(".jsonl");
  }

  /**
   * Looks at the first bytes: {@code [} is an array; a first line holding a whole object is
   * NDJSON; anything else a sequence of (pretty-printed) documents. Empty input is NDJSON, which
   * reports it.
   */
  static BatchFormat detect(BufferedInputStream in, long maxLength) {
    int readLimit = (int) Math.min(maxLength + 8, Integer.MAX_VALUE - 16);
    in.mark(readLimit);
    try {
      int read = 0;
      int first = -1;
      int lastSignificant = -1;
      // In chunks, not a byte at a time: a one-line document of 10 MB is its own first line.
      byte[] chunk = new byte[8192];
      scan:
      while (read < readLimit) {
        int n = in.read(chunk, 0, Math.min(chunk.length, readLimit - read));
        if (n < 0) {
          break;
        }
        for (int i = 0; i < n; i++) {
          int b = chunk[i] & 0xFF;
          read++;
          boolean space = b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == 0xEF
              || b == 0xBB || b == 0xBF;
          if (first < 0) {
            if (space) {
              continue;
            }
            first = b;
            if (first != '{') {
              break scan;
            }
            lastSignificant = b;
            continue;
          }
          if (b == '\n') {
            break scan;
          }
          if (!space) {
            lastSignificant = b;
          }
        }
      }
      in.reset();
      if (first < 0) {
        return BatchFormat.NDJSON;
      }
      if (first == '[') {
        return BatchFormat.JSON_ARRAY;
      }
      return first == '{' && lastSignificant == '}' ? BatchFormat.NDJSON : BatchFormat.DOCUMENTS;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void closeQuietly(InputStream in) {
    if (in != null) {
      try {
        in.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static JsonReadException emptySource() {
    return new JsonReadException(Problem.EMPTY_INPUT, "", 0, 0, "at least one course document",
        "empty input, expected at least one course document");
  }

  // ---------------------------------------------------------------- NDJSON

  /**
   * Reads one NDJSON line split off earlier: its encoding checked, then parsed as a course
   * document. Safe on any thread: it uses only its arguments and the shared, read-only settings.
   *
   * @param text the line without its line end, not over the length limit
   */
  static BatchRecord readLine(JsonSettings settings, String source, long index, int lineNumber,
      byte[] text) {
    return readLine(settings, source, index, lineNumber, text, 0, text.length,
        new CourseScanner());
  }

  /** Reads the NDJSON line {@code text[from, from + length)}, as {@link #readLine} above. */
  private static BatchRecord readLine(JsonSettings settings, String source, long index,
      int lineNumber, byte[] text, int from, int length, CourseScanner scanner) {
    // The fast path for the plain form; anything else, errors included, is the reader's. What
    // the scanner gives has no warnings: it gives up at every field a lenient reader would warn of.
    TreatmentCourse scanned = scanner.read(text, from, length, settings.maxStringLength());
    if (scanned != null) {
      return BatchRecord.ofCourse(source, index, lineNumber, scanned, List.of());
    }
    JsonReadException notText = Encodings.problemOf(text, from, length, lineNumber - 1);
    if (notText != null) {
      return BatchRecord.ofError(source, index, lineNumber, notText);
    }
    List<ReadWarning> warnings = settings.lenient() ? new ArrayList<>() : null;
    try (JsonParser parser = settings.courseParser(text, from, length)) {
      TreatmentCourse course = new CourseJsonReader(parser, settings.lenient(), warnings,
          lineNumber - 1, 0).readDocument();
      return BatchRecord.ofCourse(source, index, lineNumber, course,
          warnings == null ? List.of() : onOneLine(warnings, text, from, length, lineNumber));
    } catch (JsonReadException e) {
      return BatchRecord.ofError(source, index, lineNumber,
          onOneLine(e, text, from, length, lineNumber));
    } catch (JacksonException e) {
      RuntimeException failure = CourseJsonReader.unreadable(e, lineNumber - 1);
      if (failure instanceof JsonReadException unreadable) {
        return BatchRecord.ofError(source, index, lineNumber, unreadable);
      }
      throw failure;
    }
  }

  /**
   * The byte offset within an NDJSON record of a place Jackson located at {@code line} (its own
   * count within the record, 1-based) and {@code column}, or -1 when that place is on the
   * record's first stretch or unknown. Jackson takes a carriage return without a line feed for a
   * line break, but an NDJSON record is one line of its file: a place after a bare CR is on the
   * record's line, further along.
   */
  private static int offsetAfterBareCr(byte[] text, int from, int length, int line,
      int column) {
    if (line <= 1 || column <= 0) {
      return -1;
    }
    int breaks = 0;
    for (int i = from; i < from + length; i++) {
      if (text[i] == '\r' && ++breaks == line - 1) {
        return i - from + 1 + column - 1;
      }
    }
    return -1;
  }

  /** A read error of an NDJSON record located on the record's line (see above). */
  private static JsonReadException onOneLine(JsonReadException e, byte[] text, int from,
      int length, int lineNumber) {
    int offset = offsetAfterBareCr(text, from, length, e.line() - (lineNumber - 1), e.column());
    if (offset < 0) {
      return e;
    }
    return new JsonReadException(e.problem(), e.pointer(), lineNumber, offset + 1, e.expected(),
        e.reason());
  }

  /** The warnings of an NDJSON record located on the record's line (see above). */
  private static List<ReadWarning> onOneLine(List<ReadWarning> warnings, byte[] text, int from,
      int length, int lineNumber) {
    List<ReadWarning> located = new ArrayList<>(warnings.size());
    for (ReadWarning w : warnings) {
      int offset = offsetAfterBareCr(text, from, length, w.line() - (lineNumber - 1),
          w.column());
      located.add(offset < 0 ? w
          : new ReadWarning(w.pointer(), lineNumber, offset + 1, w.message()));
    }
    return located;
  }

  /**
   * One course per line; a bad line, even malformed JSON, is reported and reading goes on. When
   * deferred, lines are only split here, each copied out to be parsed later by
   * {@link SplitRecord#read()}; otherwise each is parsed at once where it lies in the read buffer.
   * A line over the length limit, and an input without any record, are reported at once.
   */
  private static final class NdjsonRecords extends RecordIterator {
    private final JsonSettings settings;
    private final LineReader lines;
    private final String source;
    private final InputStream owned;
    private final boolean deferred;
    /** One scanner for the lines read here, one after the other. */
    private final CourseScanner scanner = new CourseScanner();
    private int lineNumber;
    private long records;

    NdjsonRecords(JsonSettings settings, InputStream in, String source, InputStream owned,
        boolean deferred) {
      this.settings = settings;
      this.lines = new LineReader(in, settings.maxDocumentLength());
      this.source = source;
      this.owned = owned;
      this.deferred = deferred;
    }

    @Override
    protected SplitRecord compute() {
      while (lines.next()) {
        lineNumber++;
        if (!lines.tooLong() && lines.blank()) {
          continue;
        }
        long index = records++;
        if (lines.tooLong()) {
          long max = settings.maxDocumentLength();
          return SplitRecord.of(BatchRecord.ofError(source, index, lineNumber,
              new JsonReadException(Problem.LIMIT_EXCEEDED, "", lineNumber, 1,
                  "a line of at most " + max + " bytes",
                  "line longer than the maximum of " + max + " bytes")));
        }
        if (!deferred) {
          return SplitRecord.of(readLine(settings, source, index, lineNumber, lines.bytes(),
              lines.offset(), lines.length(), scanner));
        }
        return SplitRecord.ofLine(settings, source, index, lineNumber, lines.copy());
      }
      if (records == 0) {
        records++;
        return SplitRecord.of(BatchRecord.ofError(source, 0, 0, emptySource()));
      }
      return null;
    }

    @Override
    public void close() {
      closeQuietly(owned);
    }
  }

  // ---------------------------------------------------------------- array or documents

  /**
   * The elements of one JSON array, or the documents of a sequence, read with one parser. A record
   * that breaks the format is reported and skipped; malformed JSON or an exceeded limit ends the
   * source after one report.
   */
  private static final class ParsedRecords extends RecordIterator {
    private final JsonSettings settings;
    private final String source;
    private final InputStream owned;
    private final boolean array;
    private JsonParser parser;
    private CourseJsonReader tokens;
    private boolean started;
    private boolean done;
    private BatchRecord pending;
    private long index;

    ParsedRecords(JsonSettings settings, InputStream in, String source, InputStream owned,
        boolean array) {
      this.settings = settings;
      this.source = source;
      this.owned = owned;
      this.array = array;
      try {
        this.parser = settings.streamParser(in);
        this.tokens = new CourseJsonReader(parser, false, null, 0, 0);
      } catch (JacksonException e) {
        // creating the parser reads the first bytes: they may not be text at all
        RuntimeException failure = CourseJsonReader.unreadable(e, 0);
        if (!(failure instanceof JsonReadException unreadable)) {
          throw failure;
        }
        done = true;
        pending = BatchRecord.ofError(source, 0, 1, unreadable);
      }
    }

    private int depth() {
      return array ? 1 : 0;
    }

    @Override
    protected SplitRecord compute() {
      BatchRecord record = readNext();
      return record == null ? null : SplitRecord.of(record);
    }

    private BatchRecord readNext() {
      if (pending != null) {
        BatchRecord result = pending;
        pending = null;
        return result;
      }
      if (done) {
        return null;
      }
      JsonToken token;
      try {
        token = parser.nextToken();
        if (!started) {
          started = true;
          if (token == null) {
            done = true;
            return BatchRecord.ofError(source, 0, 0, emptySource());
          }
          if (array) {
            if (token != JsonToken.START_ARRAY) {
              done = true;
              return BatchRecord.ofError(source, 0, line(), new JsonReadException(
                  Problem.WRONG_TYPE, "", line(), column(), "an array of course documents",
                  "expected an array of course documents"));
            }
            token = parser.nextToken();
          }
        }
        if (array && token == JsonToken.END_ARRAY) {
          done = true;
          if (parser.nextToken() != null) {
            return BatchRecord.ofError(source, index, line(), new JsonReadException(
                Problem.TRAILING_CONTENT, "", line(), column(), "the end of the input",
                "trailing content after the array of course documents"));
          }
          return null;
        }
        if (token == null) {
          done = true;
          return null;
        }
      } catch (JacksonIOException e) {
        RuntimeException failure = tokens.ioFailure(e);
        if (!(failure instanceof JsonReadException unreadable)) {
          throw failure;
        }
        done = true;
        return BatchRecord.ofError(source, index, line(), endsTheSource(unreadable));
      } catch (JacksonException e) {
        done = true;
        return BatchRecord.ofError(source, index, line(), endsTheSource(tokens.fromJackson(e)));
      }
      long current = index++;
      int line = line();
      List<ReadWarning> warnings = settings.lenient() ? new ArrayList<>() : null;
      CourseJsonReader reader = new CourseJsonReader(parser, settings.lenient(), warnings, 0,
          settings.maxDocumentLength());
      try {
        TreatmentCourse course = reader.readValue(TreatmentCourse.class);
        return BatchRecord.ofCourse(source, current, line, course,
            warnings == null ? List.of() : warnings);
      } catch (JsonReadException e) {
        if (e.problem() == Problem.MALFORMED_JSON || e.problem() == Problem.LIMIT_EXCEEDED) {
          done = true;
          return BatchRecord.ofError(source, current, line, endsTheSource(e));
        }
        try {
          reader.skipTo(depth());
        } catch (JsonReadException fatal) {
          done = true;
          pending = BatchRecord.ofError(source, current, line, endsTheSource(fatal));
        }
        return BatchRecord.ofError(source, current, line, e);
      }
    }

    private int line() {
      return Math.max(0, parser.currentTokenLocation().getLineNr());
    }

    /**
     * The error after which nothing more of an array or a document sequence can be read (the
     * syntax gives no place to start again), saying so: the records that would follow are lost
     * with it, and whoever reads the report must know that.
     */
    private static JsonReadException endsTheSource(JsonReadException e) {
      return new JsonReadException(e.problem(), e.pointer(), e.line(), e.column(), e.expected(),
          e.reason() + "; nothing after it in this source can be read");
    }

    private int column() {
      return Math.max(0, parser.currentTokenLocation().getColumnNr());
    }

    @Override
    public void close() {
      try {
        if (parser != null) {
          parser.close();
        }
      } finally {
        closeQuietly(owned);
      }
    }
  }

  // ---------------------------------------------------------------- directories

  /** Every course file under a directory, depth first, each directory's entries sorted by name. */
  private static final class DirectoryRecords extends RecordIterator {
    private final JsonSettings settings;
    private final BatchFormat format;
    private final boolean deferred;
    private final Path root;
    private final Deque<Iterator<Path>> pending = new ArrayDeque<>();
    private RecordIterator current;
    private Path currentFile;
    private Path listing;
    private boolean anyFile;

    DirectoryRecords(JsonSettings settings, Path root, BatchFormat format, boolean deferred) {
      this.settings = settings;
      this.format = format;
      this.deferred = deferred;
      this.root = root;
      push(root);
    }

    private void push(Path directory) {
      listing = directory;
      try (Stream<Path> children = Files.list(directory)) {
        pending.push(children
            .filter(child -> !child.getFileName().toString().startsWith("."))
            .sorted(Comparator.comparing(child -> child.getFileName().toString()))
            .toList()
            .iterator());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private Path nextFile() {
      while (!pending.isEmpty()) {
        Iterator<Path> entries = pending.peek();
        if (!entries.hasNext()) {
          pending.pop();
          continue;
        }
        Path entry = entries.next();
        if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
          push(entry);
        } else if (isCourseFile(entry)
            && (Files.isRegularFile(entry) || isBrokenLink(entry))) {
          // A link to nothing is reported as unreadable when opened, not dropped unseen.
          return entry;
        }
      }
      return null;
    }

    @Override
    protected SplitRecord compute() {
      while (true) {
        if (current != null) {
          try {
            if (current.hasNext()) {
              return current.next();
            }
          } catch (UncheckedIOException e) {
            // The records read from the file so far stand; the rest of it is lost, not the
            // directory's other files.
            current.close();
            current = null;
            return unreadable(currentFile, e);
          }
          current.close();
          current = null;
        }
        Path file;
        try {
          file = nextFile();
        } catch (UncheckedIOException e) {
          anyFile = true; // reported: the directory is not "empty" on top of that
          return unreadable(listing, e);
        }
        if (file == null) {
          if (!anyFile) {
            // As an empty file is "empty input", not an empty batch, so is a directory with no
            // course file in it: most likely the wrong directory.
            anyFile = true;
            return SplitRecord.of(BatchRecord.ofError(root.toString(), 0, 0, new JsonReadException(
                Problem.EMPTY_INPUT, "", 0, 0, "a .json, .ndjson or .jsonl file",
                "no course file (.json, .ndjson or .jsonl) in the directory")));
          }
          return null;
        }
        anyFile = true;
        currentFile = file;
        try {
          current = openFile(settings, file, format, deferred);
        } catch (UncheckedIOException e) {
          return unreadable(file, e);
        }
      }
    }

    /** Whether {@code entry} is a symbolic link whose target does not exist (or loops). */
    private static boolean isBrokenLink(Path entry) {
      return Files.isSymbolicLink(entry) && !Files.exists(entry);
    }

    /** A record saying that {@code path} (a file, or a directory being listed) cannot be read. */
    private static SplitRecord unreadable(Path path, UncheckedIOException e) {
      String why = isBrokenLink(path)
          ? "cannot read the file: a symbolic link to a file that does not exist"
          : "cannot read " + (Files.isDirectory(path) ? "the directory" : "the file") + ": "
              + describe(e.getCause());
      return SplitRecord.of(BatchRecord.ofError(path.toString(), 0, 0, new JsonReadException(
          Problem.UNREADABLE_FILE, "", 0, 0, "a readable file", why)));
    }

    /** Says in words why a file cannot be read, without the path (the record names it). */
    private static String describe(IOException e) {
      if (e instanceof java.nio.file.AccessDeniedException) {
        return "permission denied";
      }
      if (e instanceof java.nio.file.NoSuchFileException) {
        return "no such file or directory";
      }
      if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
        return fs.getReason();
      }
      return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @Override
    public void close() {
      if (current != null) {
        current.close();
        current = null;
      }
      pending.clear();
    }
  }
}
