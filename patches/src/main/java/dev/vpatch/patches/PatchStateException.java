package dev.vpatch.patches;

/** A lifecycle step that is not allowed now, e.g. blocking with failing tests. */
public final class PatchStateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PatchStateException(String message) {
    super(message);
  }
}
