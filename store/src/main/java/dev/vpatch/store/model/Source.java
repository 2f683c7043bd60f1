package dev.vpatch.store.model;

/** Where a vulnerability record came from: a scanner finding (tool, report file, finding id) or manual entry. */
public record Source(String kind, String tool, String file, String findingId) {
  public static final String SCANNER = "scanner";
  public static final String MANUAL = "manual";

  public static Source manual() {
    return new Source(MANUAL, null, null, null);
  }

  public String describe() {
    if (MANUAL.equals(kind)) {
      return MANUAL;
    }
    return kind + ":" + tool + (findingId == null ? "" : " finding " + findingId) + (file == null ? "" : " in " + file);
  }
}
