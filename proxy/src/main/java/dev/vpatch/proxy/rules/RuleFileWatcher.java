package dev.vpatch.proxy.rules;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the rules when a watched rule file changes. Editors write files in several steps, so
 * changes are collected until the directory has been quiet for a short while.
 */
public final class RuleFileWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RuleFileWatcher.class);
  private static final long QUIET_MILLIS = 300;

  private final WatchService watcher;
  private final Thread thread;
  private final RuleSetHolder holder;

  public RuleFileWatcher(RuleSetHolder holder) throws IOException {
    this.holder = holder;
    this.watcher = FileSystems.getDefault().newWatchService();
    for (Path dir : holder.sources().watchedDirectories()) {
      dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
          StandardWatchEventKinds.ENTRY_DELETE);
    }
    this.thread = new Thread(this::run, "vpatch-rule-watcher");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    try {
      while (true) {
        WatchKey key = watcher.take();
        boolean relevant = drain(key);
        WatchKey more;
        while ((more = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
          relevant |= drain(more);
        }
        if (relevant) {
          LOG.info("rule files changed, reloading");
          holder.reload();
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean drain(WatchKey key) {
    boolean relevant = false;
    for (var event : key.pollEvents()) {
      Object context = event.context();
      if (event.kind() == StandardWatchEventKinds.OVERFLOW
          || (context instanceof Path && ((Path) context).toString().endsWith(".conf"))
          || (context instanceof Path && ((Path) context).toString().endsWith(".example"))) {
        relevant = true;
      }
    }
    key.reset();
    return relevant;
  }

  @Override
  public void close() throws IOException {
    watcher.close();
    thread.interrupt();
  }
}
