package dev.vpatch.proxy.rules;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reloads on SIGHUP, the Unix convention for daemons. */
public final class HangupReload {
  private static final Logger LOG = LoggerFactory.getLogger(HangupReload.class);

  private HangupReload() {}

  /** Installs the handler; returns false where the platform has no SIGHUP (Windows). */
  public static boolean install(RuleSetHolder holder) {
    return install(holder::reload);
  }

  /** Installs a handler that runs {@code reload} on a fresh thread; false where there is no SIGHUP. */
  @SuppressWarnings("removal")
  public static boolean install(Runnable reload) {
    try {
      sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> {
        LOG.info("SIGHUP received, reloading");
        Thread thread = new Thread(reload, "vpatch-sighup-reload");
        thread.setDaemon(true);
        thread.start();
      });
      return true;
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      LOG.warn("SIGHUP reload not available here: {}", e.getMessage());
      return false;
    }
  }
}
