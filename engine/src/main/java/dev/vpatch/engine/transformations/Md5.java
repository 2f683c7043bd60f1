package dev.vpatch.engine.transformations;

/** {@code md5}: the 16 raw digest bytes. */
public final class Md5 extends MessageDigestTransformation {
  public Md5() {
    super("MD5");
  }
}
