package dev.vpatch.patches.generator;

import java.util.List;

/** A shape given by a fixed regular expression: UUID, date, email. */
public record PatternShape(String spec, String regex, String describe, List<String> samples) implements InputShape {
  public static final PatternShape UUID = new PatternShape("uuid",
      "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", "a UUID",
      List.of("3f2504e0-4f89-11d3-9a0c-0305e82c3301", "123e4567-E89B-12d3-a456-426614174000"));
  public static final PatternShape DATE = new PatternShape("date",
      "^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])$", "a date YYYY-MM-DD",
      List.of("2026-01-31", "1999-12-01"));
  public static final PatternShape EMAIL = new PatternShape("email",
      "^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63}){1,8}$", "an email address",
      List.of("john.doe@example.com", "a+tag@mail.example.org"));
}
