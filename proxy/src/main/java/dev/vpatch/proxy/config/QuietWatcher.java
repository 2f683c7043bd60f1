package dev.vpatch.proxy.config;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Runs an action when files change in some directories. Editors write files in several steps
 * (temporary file, rename), so changes are collected until the directories have been quiet for a
 * short while, and the action runs once for the whole burst.
 */
public final class QuietWatcher implements AutoCloseable {
  private static final long QUIET_MILLIS = 300;

  private final WatchService watcher;
  private final Thread thread;
  private final Predicate<Path> relevant;
  private final Runnable onChange;

  /**
   * @param relevant whether a change to this file name (relative to its directory) matters
   */
  public QuietWatcher(List<Path> directories, Predicate<Path> relevant, Runnable onChange, String threadName)
      throws IOException {
    this.relevant = relevant;
    this.onChange = onChange;
    this.watcher = FileSystems.getDefault().newWatchService();
    for (Path dir : directories) {
      dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
          StandardWatchEventKinds.ENTRY_DELETE);
    }
    this.thread = new Thread(this::run, threadName);
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    try {
      while (true) {
        WatchKey key = watcher.take();
        boolean changed = drain(key);
        WatchKey more;
        while ((more = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
          changed |= drain(more);
        }
        if (changed) {
          onChange.run();
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean drain(WatchKey key) {
    boolean changed = false;
    for (var event : key.pollEvents()) {
      Object context = event.context();
      if (event.kind() == StandardWatchEventKinds.OVERFLOW || context instanceof Path && relevant.test((Path) context)) {
        changed = true;
      }
    }
    key.reset();
    return changed;
  }

  @Override
  public void close() throws IOException {
    watcher.close();
    thread.interrupt();
  }
}
