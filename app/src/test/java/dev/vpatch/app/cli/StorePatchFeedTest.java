package dev.vpatch.app.cli;

import static dev.vpatch.app.cli.CliRun.vpatch;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The proxy's view of the store: the active patches as SecLang, refreshed when a patch changes. */
class StorePatchFeedTest {
  @TempDir Path dir;

  @Test
  void followsDeploymentsWhileTheStoreStaysOpenAndDoesNotLockOutTheCli() throws Exception {
    Path db = dir.resolve("vpatch.db");
    assertThat(vpatch(db, "vuln", "add", "--title", "SQLi in reqID", "--class", "sqli", "--path", "/app/view.php",
        "--param", "reqID", "--poc", "GET /app/view.php?reqID=1%27").exit).isZero();
    assertThat(vpatch(db, "patch", "generate", "VP-2026-0001", "--shape", "integer:1-999").exit).isZero();
    Path file = dir.resolve("feed/active.conf");
    try (StorePatchFeed feed = new StorePatchFeed(Store.open(db.toString()), file)) {
      assertThat(Files.readString(file)).doesNotContain("id:10000000");
      AtomicInteger reloads = new AtomicInteger();
      feed.start(100, reloads::incrementAndGet);

      assertThat(vpatch(db, "patch", "test", "1").exit).isZero();
      CliRun deploy = vpatch(db, "patch", "deploy", "1", "--mode", "log-only", "--reason", "observe");
      assertThat(deploy.exit).as(deploy.toString()).isZero();

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      // The feed writes the file, then asks for a reload: wait for both.
      while ((!Files.readString(file).contains("id:10000000") || reloads.get() == 0) && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(Files.readString(file)).contains("id:10000000").contains("vpatch/mode/log-only");
      assertThat(reloads.get()).isPositive();
    }
  }
}
