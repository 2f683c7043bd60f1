package dev.vpatch.proxy.rules;

import dev.vpatch.proxy.config.QuietWatcher;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reloads the rules when a watched rule file ({@code *.conf}, CRS's {@code *.example}) changes. */
public final class RuleFileWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RuleFileWatcher.class);

  private final QuietWatcher watcher;

  public RuleFileWatcher(RuleSetHolder holder) throws IOException {
    this.watcher = new QuietWatcher(holder.sources().watchedDirectories(), RuleFileWatcher::isRuleFile, () -> {
      LOG.info("rule files changed, reloading");
      holder.reload();
    }, "vpatch-rule-watcher");
  }

  private static boolean isRuleFile(Path name) {
    String text = name.toString();
    return text.endsWith(".conf") || text.endsWith(".example");
  }

  @Override
  public void close() throws IOException {
    watcher.close();
  }
}
