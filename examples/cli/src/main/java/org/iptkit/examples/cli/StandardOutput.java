package org.iptkit.examples.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Standard output of one run, remembering whether writing to it ever failed. When the reader of
 * a pipeline stops early ({@code ipt generate --courses 1000 | head -1}), the next write fails
 * with "Broken pipe": that is a normal end of the run, not an error of the input, and the tool
 * stops quietly instead of reporting it. The flag is what tells the two apart, whatever layer
 * (Jackson, a writer, a worker thread) the failure travels through. Any other failure (a full
 * disk under {@code > results.ndjson}) is not a normal end and is still reported.
 */
final class StandardOutput extends FilterOutputStream {
  private volatile boolean closedByReader;

  StandardOutput(OutputStream out) {
    super(out);
  }

  /** The messages of a pipe whose reader has exited: Linux and macOS, then Windows. */
  private static boolean isBrokenPipe(IOException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    return message.contains("Broken pipe") || message.contains("The pipe is being closed")
        || message.contains("The pipe has been ended");
  }

  private IOException noted(IOException e) {
    if (isBrokenPipe(e)) {
      closedByReader = true;
    }
    return e;
  }

  /** Whether writing to standard output failed because its reader has gone away. */
  boolean closedByReader() {
    return closedByReader;
  }

  @Override
  public void write(int b) throws IOException {
    try {
      out.write(b);
    } catch (IOException e) {
      throw noted(e);
    }
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    try {
      out.write(b, off, len);
    } catch (IOException e) {
      throw noted(e);
    }
  }

  @Override
  public void flush() throws IOException {
    try {
      out.flush();
    } catch (IOException e) {
      throw noted(e);
    }
  }

  /** Flushes only: standard output belongs to the process, not to the run. */
  @Override
  public void close() throws IOException {
    flush();
  }
}
