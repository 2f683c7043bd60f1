package dev.vpatch.engine.transformations;

/** {@code normalizePath} (alias {@code normalisePath}): see {@link PathNormalizer}. */
public final class NormalizePath implements Transformation {
  @Override
  public String apply(String input) {
    return PathNormalizer.normalize(input, false);
  }

  @Override
  public long triggers() {
    return ByteClasses.of('.', '/');
  }
}
