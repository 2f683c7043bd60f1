package dev.vpatch.app.cli;

import dev.vpatch.patches.PatchService;
import dev.vpatch.patches.generator.RuleIdRange;
import dev.vpatch.store.Store;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a SecLang file of the store's active patches (log-only and blocking) up to date for the
 * proxy: written once at start, then rewritten whenever the store's patch change token moves
 * (checked every poll interval), after which {@code onChange} asks the proxy to reload. The file
 * is replaced atomically, so a reload never reads half of it.
 */
final class StorePatchFeed implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StorePatchFeed.class);

  private final Store store;
  private final PatchService patches;
  private final Path file;
  private final ScheduledExecutorService poller =
      Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vpatch-store-patches");
        t.setDaemon(true);
        return t;
      });
  private String token;

  StorePatchFeed(Store store, Path file) throws IOException {
    this.store = store;
    this.patches = new PatchService(store, RuleIdRange.DEFAULT);
    this.file = file;
    token = patches.changeToken();
    write();
  }

  Path file() {
    return file;
  }

  /** Starts polling; {@code onChange} runs after the file was rewritten. */
  void start(long intervalMillis, Runnable onChange) {
    poller.scheduleWithFixedDelay(() -> poll(onChange), intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
  }

  private void poll(Runnable onChange) {
    try {
      String now = patches.changeToken();
      if (now.equals(token)) return;
      token = now;
      write();
      LOG.info("active patches changed in {}: reloading", store.description());
      onChange.run();
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot refresh patches from {}: {}", store.description(), e.getMessage());
    }
  }

  private void write() throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path temp = Files.createTempFile(parent, ".vpatch-patches", ".tmp");
    Files.writeString(temp, patches.export(), StandardCharsets.ISO_8859_1);
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public void close() {
    poller.shutdownNow();
    store.close();
  }
}
