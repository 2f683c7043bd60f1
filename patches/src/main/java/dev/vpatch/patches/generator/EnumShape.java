package dev.vpatch.patches.generator;

import java.util.List;

/** One of a fixed set of values (case-sensitive). Values may hold only [A-Za-z0-9._ -]. */
public record EnumShape(List<String> values) implements InputShape {
  public EnumShape {
    values = List.copyOf(values);
    if (values.isEmpty()) {
      throw new IllegalArgumentException("an enum shape needs at least one value");
    }
    for (String value : values) {
      if (!value.matches("[A-Za-z0-9._ -]+")) {
        throw new IllegalArgumentException("enum value '" + value + "' may hold only letters, digits, '.', '_', ' ' and '-'");
      }
    }
  }

  @Override
  public String regex() {
    StringBuilder alternatives = new StringBuilder();
    for (String value : values) {
      alternatives.append(alternatives.length() == 0 ? "" : "|").append(value.replace(".", "\\.").replace(" ", "\\x20"));
    }
    return "^(?:" + alternatives + ")$";
  }

  @Override
  public String describe() {
    return "one of " + String.join(", ", values);
  }

  @Override
  public String spec() {
    return "enum:" + String.join(",", values);
  }

  @Override
  public List<String> samples() {
    return values.size() <= 3 ? values : values.subList(0, 3);
  }
}
