package org.iptkit.examples.cli;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.iptkit.json.BatchFormat;
import org.iptkit.json.IptJson;
import org.iptkit.json.internal.SplitRecord;
import org.iptkit.json.internal.ToolPlumbing;

/**
 * The course records of the paths given on the command line, one at a time and in order: each
 * {@code .json} file (one course or an array), {@code .ndjson} / {@code .jsonl} file, directory
 * (recursively, in sorted order) or {@code -} for standard input, streamed by the library's
 * batch reading (as {@code CourseBatchReader}, records deferred) so memory does not grow with the number of courses. A file that
 * cannot be read is reported and skipped; the records of the other paths still come. Records come
 * pending ({@link SplitRecord}): NDJSON lines are only split off here, and parsed where they
 * are checked, on the threads of the {@link CheckPipeline}.
 */
final class RecordSource implements Iterator<SplitRecord>, AutoCloseable {
  private final List<String> paths;
  private final InputStream stdin;
  private final Diagnostics diagnostics;
  private int next;
  private Stream<SplitRecord> open;
  private Iterator<SplitRecord> current;
  private String currentPath;

  private RecordSource(List<String> paths, InputStream stdin, Diagnostics diagnostics) {
    this.paths = paths;
    this.stdin = stdin;
    this.diagnostics = diagnostics;
  }

  /**
   * The records of {@code paths}.
   *
   * @throws UserException when a path does not exist (before anything is read)
   */
  static RecordSource of(List<String> paths, InputStream stdin, Diagnostics diagnostics) {
    List<String> missing = new ArrayList<>();
    for (String path : paths) {
      if (!"-".equals(path) && !Files.exists(Path.of(path))) {
        missing.add(path);
      }
    }
    if (!missing.isEmpty()) {
      throw new UserException((missing.size() == 1 ? "no such file or directory: "
          : "no such files or directories: ") + String.join(", ", missing));
    }
    return new RecordSource(List.copyOf(paths), stdin, diagnostics);
  }

  @Override
  public boolean hasNext() {
    while (true) {
      if (current == null) {
        if (next >= paths.size()) {
          return false;
        }
        currentPath = paths.get(next++);
        try {
          open = open(currentPath);
          current = open.iterator();
        } catch (UncheckedIOException e) {
          diagnostics.unreadableFile(currentPath, e);
          closeCurrent();
          continue;
        }
      }
      try {
        if (current.hasNext()) {
          return true;
        }
      } catch (UncheckedIOException e) {
        diagnostics.unreadableFile(currentPath, e);
      }
      closeCurrent();
    }
  }

  /**
   * The records of one path: standard input, or a regular file, directory or pipe (a named pipe,
   * or {@code <(command)} in a shell), which the library reads as a stream.
   */
  private Stream<SplitRecord> open(String path) {
    if ("-".equals(path)) {
      return ToolPlumbing.readPending(IptJson.strict(), stdin, "-", BatchFormat.AUTO);
    }
    return ToolPlumbing.readPending(IptJson.strict(), Path.of(path), BatchFormat.AUTO);
  }

  @Override
  public SplitRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return current.next();
  }

  private void closeCurrent() {
    if (open != null) {
      try {
        open.close();
      } catch (UncheckedIOException e) {
        // nothing more can be read from it anyway
      }
    }
    open = null;
    current = null;
  }

  @Override
  public void close() {
    closeCurrent();
    next = paths.size();
  }
}
