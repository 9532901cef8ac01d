package org.iptkit.json.internal;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.iptkit.json.BatchRecord;

/**
 * An iterator of batch records computed one at a time (memory does not grow with the number of
 * records) that holds an open source until closed.
 */
public abstract class RecordIterator implements Iterator<BatchRecord>, AutoCloseable {
  private BatchRecord next;
  private boolean finished;

  /** The next record, or null when the source is exhausted. */
  protected abstract BatchRecord compute();

  @Override
  public final boolean hasNext() {
    if (next == null && !finished) {
      next = compute();
      if (next == null) {
        finished = true;
        close();
      }
    }
    return next != null;
  }

  @Override
  public final BatchRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    BatchRecord result = next;
    next = null;
    return result;
  }

  /** Releases the source; safe to call more than once. */
  @Override
  public void close() {}
}
