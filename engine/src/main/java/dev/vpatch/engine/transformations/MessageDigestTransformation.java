package dev.vpatch.engine.transformations;

import dev.vpatch.engine.ByteStrings;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** A hash transformation: the raw digest bytes as a byte string (not hex), as ModSecurity returns. */
abstract class MessageDigestTransformation implements Transformation {
  private final ThreadLocal<MessageDigest> digests;

  MessageDigestTransformation(String algorithm) {
    try {
      MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JRE lacks " + algorithm, e);
    }
    this.digests = ThreadLocal.withInitial(() -> {
      try {
        return MessageDigest.getInstance(algorithm);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  @Override
  public final String apply(String input) {
    MessageDigest digest = digests.get();
    digest.reset();
    return ByteStrings.of(digest.digest(ByteStrings.bytes(input)));
  }
}
