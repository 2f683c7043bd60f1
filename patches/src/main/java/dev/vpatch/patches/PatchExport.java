package dev.vpatch.patches;

import dev.vpatch.store.model.Patch;
import dev.vpatch.store.model.PatchMode;
import java.time.Instant;
import java.util.List;

/**
 * The SecLang file the proxy loads: every active patch, blocking ones as generated, log-only ones
 * rewritten so they never disrupt. A log-only rule has {@code pass} instead of
 * {@code deny,status:403} and the tag {@value #LOG_ONLY_TAG} instead of {@value #BLOCKING_TAG};
 * the proxy reports its matches as "would have blocked".
 */
public final class PatchExport {
  public static final String BLOCKING_TAG = "vpatch/mode/blocking";
  public static final String LOG_ONLY_TAG = "vpatch/mode/log-only";
  private static final String BLOCKING_ACTIONS = "deny,status:403,tag:'" + BLOCKING_TAG + "'";
  private static final String LOG_ONLY_ACTIONS = "pass,tag:'" + LOG_ONLY_TAG + "'";

  private PatchExport() {}

  public static String render(List<Patch> patches, Instant at) {
    long blocking = patches.stream().filter(p -> p.mode() == PatchMode.BLOCKING).count();
    long logOnly = patches.stream().filter(p -> p.mode() == PatchMode.LOG_ONLY).count();
    StringBuilder text = new StringBuilder();
    text.append("# vpatch active virtual patches, exported ").append(at).append('\n')
        .append("# ").append(blocking).append(" blocking, ").append(logOnly).append(" log-only\n\n");
    for (Patch patch : patches) {
      if (!patch.mode().isActive()) {
        continue;
      }
      text.append("# ---- patch ").append(patch.id()).append(" (").append(patch.vulnId() == null ? "-" : patch.vulnId())
          .append(") mode ").append(patch.mode().label()).append(" ----\n")
          .append(forMode(patch.seclang(), patch.mode())).append('\n');
    }
    return text.toString();
  }

  /** The patch's rules as they must run in {@code mode}. */
  public static String forMode(String seclang, PatchMode mode) {
    return mode == PatchMode.LOG_ONLY ? seclang.replace(BLOCKING_ACTIONS, LOG_ONLY_ACTIONS) : seclang;
  }
}
