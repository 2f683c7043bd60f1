package dev.vpatch.engine.operators;

import dev.vpatch.engine.macros.Macro;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** A MatchContext over a map of TX variables, recording captures. */
final class TestMatchContext implements MatchContext {
  private final Map<String, String> tx = new HashMap<>();
  private final boolean captureEnabled;
  final Map<Integer, String> captures = new TreeMap<>();

  private TestMatchContext(boolean captureEnabled) {
    this.captureEnabled = captureEnabled;
  }

  static TestMatchContext plain() {
    return new TestMatchContext(false);
  }

  static TestMatchContext capturing() {
    return new TestMatchContext(true);
  }

  TestMatchContext tx(String key, String value) {
    tx.put(key.toLowerCase(Locale.ROOT), value);
    return this;
  }

  @Override
  public String expand(Macro macro) {
    return macro.expand(
        (variable, key) ->
            variable.equals("TX") && key != null ? tx.get(key.toLowerCase(Locale.ROOT)) : null);
  }

  @Override
  public boolean captureEnabled() {
    return captureEnabled;
  }

  /** A context whose every macro reference expands to one fixed value. */
  static final class Fixed implements MatchContext {
    private final String value;

    Fixed(String value) {
      this.value = value;
    }

    @Override
    public String expand(Macro macro) {
      return macro.expand((variable, key) -> value);
    }

    @Override
    public boolean captureEnabled() {
      return false;
    }

    @Override
    public void capture(int index, String captured) {
      throw new AssertionError("capture while capture is off");
    }
  }

  @Override
  public void capture(int index, String value) {
    if (!captureEnabled) throw new AssertionError("capture while capture is off");
    captures.put(index, value);
  }
}
