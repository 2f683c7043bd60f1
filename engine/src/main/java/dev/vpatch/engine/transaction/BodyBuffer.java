package dev.vpatch.engine.transaction;

import java.nio.ByteBuffer;
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
    int take = reserve(count);
    System.arraycopy(bytes, offset, data, length, take);
    length += take;
    return take == count;
  }

  /** Appends what fits of the buffer's remaining bytes (its position stays); false when some did not fit. */
  boolean append(ByteBuffer bytes) {
    int count = bytes.remaining();
    int take = reserve(count);
    bytes.get(bytes.position(), data, length, take);
    length += take;
    return take == count;
  }

  /** Counts {@code count} bytes received; makes room for those that fit and returns how many. */
  private int reserve(int count) {
    received += count;
    int room = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(0, limit - length));
    int take = Math.min(room, count);
    if (take > 0 && length + take > data.length) {
      // A body given in one piece (most are) gets exactly its size; pieces after it double.
      int doubled = (int) Math.min(2L * data.length, Math.min(limit, Integer.MAX_VALUE - 8));
      data = Arrays.copyOf(data, Math.max(length + take, doubled));
    }
    return take;
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
