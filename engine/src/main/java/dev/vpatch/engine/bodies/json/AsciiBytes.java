package dev.vpatch.engine.bodies.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Whether bytes are all ASCII, eight at a time. */
final class AsciiBytes {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH_BITS = 0x8080808080808080L;

  private AsciiBytes() {}

  /** Whether none of the first {@code length} bytes has its high bit set. */
  static boolean isAscii(byte[] bytes, int length) {
    int i = 0;
    long high = 0;
    for (; i + Long.BYTES <= length; i += Long.BYTES) {
      high |= (long) LONGS.get(bytes, i);
    }
    for (; i < length; i++) {
      high |= bytes[i];
    }
    return (high & HIGH_BITS) == 0;
  }
}
