package dev.vpatch.engine.transformations;

/** {@code sha1}: the 20 raw digest bytes. */
public final class Sha1 extends MessageDigestTransformation {
  public Sha1() {
    super("SHA-1");
  }
}
