package org.iptkit.json.internal;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An iterator of batch records split from their source one at a time (memory does not grow with
 * the number of records) that holds an open source until closed.
 */
public abstract class RecordIterator implements Iterator<SplitRecord>, AutoCloseable {
  private SplitRecord next;
  private boolean finished;

  /** The next record, or null when the source is exhausted. */
  protected abstract SplitRecord compute();

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
  public final SplitRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    SplitRecord result = next;
    next = null;
    return result;
  }

  /** Releases the source; safe to call more than once. */
  @Override
  public void close() {}
}
