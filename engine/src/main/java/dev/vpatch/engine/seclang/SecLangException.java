package dev.vpatch.engine.seclang;

/** A rule file that cannot be loaded: says which file, which line and why. */
public class SecLangException extends RuntimeException {
  private final String file;
  private final int line;
  private final String reason;

  public SecLangException(String file, int line, String reason) {
    super(file + ":" + line + ": " + reason);
    this.file = file;
    this.line = line;
    this.reason = reason;
  }

  public SecLangException(String file, int line, String reason, Throwable cause) {
    super(file + ":" + line + ": " + reason, cause);
    this.file = file;
    this.line = line;
    this.reason = reason;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  public String reason() {
    return reason;
  }
}
