package dev.vpatch.proxy.rules;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reloads the rules on SIGHUP, the Unix convention for daemons. */
public final class HangupReload {
  private static final Logger LOG = LoggerFactory.getLogger(HangupReload.class);

  private HangupReload() {}

  /** Installs the handler; returns false where the platform has no SIGHUP (Windows). */
  @SuppressWarnings("removal")
  public static boolean install(RuleSetHolder holder) {
    try {
      sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> {
        LOG.info("SIGHUP received, reloading rules");
        Thread reload = new Thread(holder::reload, "vpatch-sighup-reload");
        reload.setDaemon(true);
        reload.start();
      });
      return true;
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      LOG.warn("SIGHUP reload not available here: {}", e.getMessage());
      return false;
    }
  }
}
