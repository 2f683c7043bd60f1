package dev.vpatch.proxy.config;

/** A configuration file that cannot be used: names the file, the line (when known), the key and the reason. */
public final class ConfigException extends IllegalArgumentException {
  private final String file;
  private final int line;

  /** @param line 1-based, or 0 when unknown */
  public ConfigException(String file, int line, String reason) {
    super(file + (line > 0 ? ":" + line : "") + ": " + reason);
    this.file = file;
    this.line = line;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }
}
