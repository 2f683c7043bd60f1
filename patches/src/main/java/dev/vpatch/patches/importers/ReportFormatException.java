package dev.vpatch.patches.importers;

/** A report that cannot be read: not well-formed, or not the structure its format requires. */
public final class ReportFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  public ReportFormatException(String message) {
    super(message);
  }

  public ReportFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
