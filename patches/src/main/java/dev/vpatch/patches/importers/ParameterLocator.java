package dev.vpatch.patches.importers;

import dev.vpatch.store.model.ParamWhere;
import dev.vpatch.store.model.PocRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Works out where a named parameter travels in a request, or which parameter carried a payload. */
public final class ParameterLocator {
  private ParameterLocator() {}

  /** A parameter and the part of the request it arrives in. */
  record Located(String name, ParamWhere where) {}

  /** Where {@code name} arrives in {@code request}; null when it is not found. */
  public static ParamWhere where(PocRequest request, String name) {
    if (request == null || name == null) {
      return null;
    }
    if (pairValue(query(request.uri()), name, '&') != null) {
      return ParamWhere.QUERY;
    }
    String contentType = header(request, "content-type");
    String lowerType = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (lowerType.contains("json") && request.body().contains("\"" + name + "\"")) {
      return ParamWhere.JSON;
    }
    if (lowerType.contains("xml") && request.body().contains("<" + name)) {
      return ParamWhere.XML;
    }
    if (pairValue(request.body(), name, '&') != null || request.body().contains("name=\"" + name + "\"")) {
      return ParamWhere.BODY;
    }
    String cookies = header(request, "cookie");
    if (cookies != null && pairValue(cookies.replace(" ", ""), name, ';') != null) {
      return ParamWhere.COOKIE;
    }
    if (header(request, name.toLowerCase(Locale.ROOT)) != null) {
      return ParamWhere.HEADER;
    }
    return null;
  }

  /** The decoded value {@code name} has in {@code request} (query, form body, cookie or JSON string), or null. */
  public static String valueOf(PocRequest request, String name) {
    if (request == null || name == null) {
      return null;
    }
    String value = pairValue(query(request.uri()), name, '&');
    if (value == null) {
      value = pairValue(request.body(), name, '&');
    }
    if (value == null) {
      String cookies = header(request, "cookie");
      value = cookies == null ? null : pairValue(cookies.replace("; ", ";"), name, ';');
    }
    if (value != null) {
      return decode(value);
    }
    java.util.regex.Matcher json = java.util.regex.Pattern.compile(
        "\"" + java.util.regex.Pattern.quote(name) + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.){0,4096})\"").matcher(request.body());
    return json.find() ? json.group(1) : null;
  }

  /** The query or urlencoded body parameter whose decoded value contains {@code attack}; null if none. */
  static Located carrierOf(PocRequest request, String attack) {
    if (request == null || attack == null || attack.isEmpty()) {
      return null;
    }
    String name = nameWithValueContaining(query(request.uri()), attack);
    if (name != null) {
      return new Located(name, ParamWhere.QUERY);
    }
    name = nameWithValueContaining(request.body(), attack);
    return name == null ? null : new Located(name, ParamWhere.BODY);
  }

  static String query(String uri) {
    if (uri == null) {
      return "";
    }
    int fragment = uri.indexOf('#');
    String withoutFragment = fragment < 0 ? uri : uri.substring(0, fragment);
    int question = withoutFragment.indexOf('?');
    return question < 0 ? "" : withoutFragment.substring(question + 1);
  }

  static String header(PocRequest request, String lowerName) {
    for (String line : request.headers().split("\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(lowerName)) {
        return line.substring(colon + 1).trim();
      }
    }
    return null;
  }

  private static String nameWithValueContaining(String pairs, String attack) {
    for (String pair : pairs.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && decode(pair.substring(equals + 1)).contains(attack)) {
        return decode(pair.substring(0, equals));
      }
    }
    return null;
  }

  private static String pairValue(String pairs, String name, char separator) {
    for (String pair : pairs.split(String.valueOf(separator))) {
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      if (!key.isEmpty() && decode(key).equals(name)) {
        return equals < 0 ? "" : pair.substring(equals + 1);
      }
    }
    return null;
  }

  static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }
}
