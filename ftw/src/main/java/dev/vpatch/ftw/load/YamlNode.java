package dev.vpatch.ftw.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value read from YAML with the path that led to it, so that type errors name the field
 * ({@code tests[2].stages[0].input.port}).
 */
final class YamlNode {
  private final Path file;
  private final String path;
  private final Object value;

  YamlNode(Path file, String path, Object value) {
    this.file = file;
    this.path = path;
    this.value = value;
  }

  boolean isNull() {
    return value == null;
  }

  boolean isList() {
    return value instanceof List<?>;
  }

  String path() {
    return path;
  }

  YamlNode get(String key) {
    if (value == null) {
      return new YamlNode(file, child(key), null);
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw error("expected a mapping");
    }
    return new YamlNode(file, child(key), map.get(key));
  }

  boolean has(String key) {
    return value instanceof Map<?, ?> map && map.containsKey(key);
  }

  List<YamlNode> list() {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> items)) {
      throw error("expected a list");
    }
    List<YamlNode> nodes = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      nodes.add(new YamlNode(file, path + "[" + i + "]", items.get(i)));
    }
    return nodes;
  }

  /** Entries of a mapping in document order; scalar values as text (null becomes ""). */
  Map<String, String> stringMap() {
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw error("expected a mapping");
    }
    Map<String, String> result = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      YamlNode item = new YamlNode(file, child(String.valueOf(entry.getKey())), entry.getValue());
      result.put(String.valueOf(entry.getKey()), item.isNull() ? "" : item.text());
    }
    return result;
  }

  /** A scalar as text (numbers and booleans as YAML wrote them), or null when absent. */
  String text() {
    if (value == null) {
      return null;
    }
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      throw error("expected a scalar");
    }
    if (value instanceof byte[]) {
      throw error("binary values are not supported");
    }
    return String.valueOf(value);
  }

  Long number() {
    if (value == null) {
      return null;
    }
    if (value instanceof Number number) {
      return number.longValue();
    }
    try {
      return Long.parseLong(String.valueOf(value).trim());
    } catch (NumberFormatException e) {
      throw error("expected a number, got '" + value + "'");
    }
  }

  Boolean bool() {
    if (value == null) {
      return null;
    }
    if (value instanceof Boolean flag) {
      return flag;
    }
    String text = String.valueOf(value).trim();
    if (text.equalsIgnoreCase("true")) {
      return true;
    }
    if (text.equalsIgnoreCase("false")) {
      return false;
    }
    throw error("expected true or false, got '" + value + "'");
  }

  /** A number or a list of numbers (YAML flow lists like {@code [920100, 920101]}). */
  List<Long> numbers() {
    if (value == null) {
      return List.of();
    }
    if (!isList()) {
      return List.of(number());
    }
    List<Long> result = new ArrayList<>();
    for (YamlNode item : list()) {
      result.add(item.number());
    }
    return result;
  }

  FtwFormatException error(String reason) {
    return new FtwFormatException(file, path, reason);
  }

  private String child(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
