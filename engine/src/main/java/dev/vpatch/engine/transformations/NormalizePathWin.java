package dev.vpatch.engine.transformations;

/**
 * {@code normalizePathWin} (alias {@code normalisePathWin}): backslashes become slashes, then as
 * {@link NormalizePath}.
 */
public final class NormalizePathWin implements Transformation {
  @Override
  public String apply(String input) {
    return PathNormalizer.normalize(input, true);
  }

  @Override
  public long triggers() {
    return ByteClasses.of('.', '/', '\\');
  }
}
