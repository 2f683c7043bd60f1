package dev.vpatch.engine.transaction;

import java.util.Arrays;

/** A growable byte buffer that never holds more than its limit; it remembers whether it overflowed. */
final class BodyBuffer {
  private byte[] data = new byte[0];
  private int length;
  private long received;
  private final long limit;

  BodyBuffer(long limit) {
    this.limit = limit;
  }

  /** Appends what fits under the limit; returns false when some bytes did not fit. */
  boolean append(byte[] bytes, int offset, int count) {
    received += count;
    int room = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(0, limit - length));
    int take = Math.min(room, count);
    if (take > 0) {
      if (length + take > data.length) {
        data = Arrays.copyOf(data, Math.max(length + take, Math.min(data.length * 2 + 1024, (int) Math.min(limit, Integer.MAX_VALUE - 8))));
      }
      System.arraycopy(bytes, offset, data, length, take);
      length += take;
    }
    return take == count;
  }

  byte[] data() {
    return data;
  }

  int length() {
    return length;
  }

  long received() {
    return received;
  }

  boolean overflowed() {
    return received > length;
  }
}
