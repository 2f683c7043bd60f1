package dev.vpatch.engine.transformations;

import dev.vpatch.engine.ByteStrings;
import java.util.Base64;

/** {@code base64Encode}: standard alphabet with '=' padding, no line breaks. */
public final class Base64Encode implements Transformation {
  @Override
  public String apply(String input) {
    if (input.isEmpty()) {
      return input;
    }
    return ByteStrings.of(Base64.getEncoder().encode(ByteStrings.bytes(input)));
  }
}
