package dev.vpatch.ftw.load;

import java.nio.file.Path;

/** A test or overrides file that cannot be used; the message names the file and the field. */
public final class FtwFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public FtwFormatException(Path file, String where, String reason) {
    super(file + (where.isEmpty() ? "" : ": " + where) + ": " + reason);
  }

  public FtwFormatException(Path file, String reason, Throwable cause) {
    super(file + ": " + reason, cause);
  }
}
