package org.iptkit.json.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The NDJSON line reader gives every line exactly, whether it lies within one fill of its read
 * buffer or spans several, however the stream hands its bytes over: LF and CRLF ends, a CR at
 * the end of one fill and its LF at the start of the next, blank lines and the length limit
 * (which counts a CR before the LF).
 */
class LineReaderProperties {
  /** A stream handing over its bytes in reads of random sizes. */
  static InputStream choppy(byte[] bytes, long seed) {
    Random random = new Random(seed);
    return new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.max(1, Math.min(len, 1 + random.nextInt(70_000))));
      }
    };
  }

  /** One line as the reader should give it: bytes, or null when over the limit. */
  static List<byte[]> expected(List<byte[]> lines, boolean[] crlf, long max, boolean lastEnded) {
    List<byte[]> result = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      byte[] line = lines.get(i);
      boolean ended = i < lines.size() - 1 || lastEnded;
      long raw = line.length + (crlf[i] && ended ? 1 : 0);
      result.add(raw > max ? null : line);
    }
    return result;
  }

  @Property(tries = 300)
  void linesComeOutExactlyHoweverTheyAreChopped(
      @ForAll @Size(max = 12) List<@IntRange(max = 150_000) Integer> lengths,
      @ForAll long seed, @ForAll boolean lastEnded,
      @ForAll @IntRange(min = 1, max = 200_000) int max) {
    Random random = new Random(seed);
    List<byte[]> lines = new ArrayList<>();
    boolean[] crlf = new boolean[lengths.size()];
    ByteArrayOutputStream input = new ByteArrayOutputStream();
    for (int i = 0; i < lengths.size(); i++) {
      // mostly short lines, some blank, some spanning several 64 KiB fills
      int length = random.nextInt(4) == 0 ? lengths.get(i) : lengths.get(i) % 300;
      byte[] line = new byte[length];
      for (int j = 0; j < length; j++) {
        int pick = random.nextInt(10);
        line[j] = (byte) (pick == 0 ? ' ' : pick == 1 ? '\r' : pick == 2 ? 0xC3 : 'a' + pick);
      }
      if (length > 0 && line[length - 1] == '\r') {
        line[length - 1] = 'x'; // a CR at the end of a line is part of its line end
      }
      crlf[i] = random.nextBoolean();
      lines.add(line);
      input.writeBytes(line);
      boolean ended = i < lengths.size() - 1 || lastEnded;
      if (ended) {
        input.writeBytes(crlf[i] ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
      } else if (crlf[i]) {
        crlf[i] = false; // an unended last line has no line end to strip
      }
    }
    if (lengths.isEmpty() || (!lastEnded && lines.get(lines.size() - 1).length == 0)) {
      return; // no lines, or an unended empty last line, which is no line at all
    }
    List<byte[]> want = expected(lines, crlf, max, lastEnded);

    LineReader reader = new LineReader(choppy(input.toByteArray(), seed), max);
    for (int i = 0; i < want.size(); i++) {
      assertThat(reader.next()).as("line " + i).isTrue();
      if (want.get(i) == null) {
        assertThat(reader.tooLong()).as("line " + i + " too long").isTrue();
      } else {
        assertThat(reader.tooLong()).as("line " + i + " too long").isFalse();
        assertThat(reader.copy()).as("line " + i).isEqualTo(want.get(i));
        assertThat(reader.length()).isEqualTo(want.get(i).length);
        boolean blank = true;
        for (byte b : want.get(i)) {
          blank &= b == ' ' || b == '\t' || b == '\r';
        }
        assertThat(reader.blank()).as("line " + i + " blank").isEqualTo(blank);
      }
    }
    assertThat(reader.next()).isFalse();
  }

  @Property(tries = 50)
  void aByteOrderMarkAloneIsABlankLine(@ForAll @IntRange(max = 70_000) int padding) {
    byte[] input = new byte[padding + 5];
    Arrays.fill(input, (byte) 'a');
    input[padding] = '\n';
    input[padding + 1] = (byte) 0xEF;
    input[padding + 2] = (byte) 0xBB;
    input[padding + 3] = (byte) 0xBF;
    input[padding + 4] = '\n';
    LineReader reader = new LineReader(choppy(input, padding), 1 << 20);
    assertThat(reader.next()).isTrue();
    assertThat(reader.blank()).isEqualTo(padding == 0);
    assertThat(reader.next()).isTrue();
    assertThat(reader.blank()).isTrue();
    assertThat(reader.next()).isFalse();
  }
}
