package dev.vpatch.store.model;

import java.util.Locale;

/** Where a vulnerable parameter arrives in the request. */
public enum ParamWhere {
  QUERY,
  /** application/x-www-form-urlencoded or multipart form body. */
  BODY,
  JSON,
  XML,
  COOKIE,
  HEADER,
  PATH,
  UNKNOWN;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ParamWhere parse(String text) {
    if (text == null || text.isBlank()) {
      return UNKNOWN;
    }
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown parameter location '" + text + "': use query, body, json, xml, cookie, header, path or unknown");
    }
  }
}
