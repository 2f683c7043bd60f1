package dev.vpatch.ftw.model;

/** One request or response header as written on the wire (name and value as given, no normalisation). */
public record HeaderField(String name, String value) {
  public boolean named(String other) {
    return name.equalsIgnoreCase(other);
  }
}
