package dev.vpatch.engine.seclang;

/** One action as written in a rule: {@code name} or {@code name:value} (value unquoted). */
public record ActionSpec(String name, String value) {
  @Override
  public String toString() {
    return value == null ? name : name + ":" + value;
  }
}
