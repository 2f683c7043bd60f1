package dev.vpatch.proxy.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.proxy.VpatchProxy;
import dev.vpatch.proxy.testing.RawHttp;
import dev.vpatch.proxy.testing.TestUpstream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A running proxy whose vpatch.yaml changes underneath it. */
class ConfigReloadTest {
  @TempDir Path dir;
  private TestUpstream blue;
  private TestUpstream green;
  private VpatchProxy proxy;
  private Path file;

  @BeforeEach
  void backends() throws Exception {
    blue = new TestUpstream();
    green = new TestUpstream();
    file = dir.resolve("vpatch.yaml");
  }

  @AfterEach
  void stop() {
    if (proxy != null) proxy.close();
    blue.close();
    green.close();
  }

  private String config(TestUpstream api, String engine, String extra) {
    return "listen: 127.0.0.1:0\nadmin: none\nthreads: 1\nengine: " + engine + "\nrules: [patch.conf]\n"
        + "routes:\n  - path: /api\n    upstream: " + api.uri() + "\n" + extra;
  }

  private void start(String yaml) throws Exception {
    Files.writeString(dir.resolve("patch.conf"), "SecRule ARGS \"@contains attack\" \"id:1001,phase:2,deny\"\n");
    Files.writeString(file, yaml);
    VpatchProxy.ConfigSource source = new VpatchProxy.ConfigSource() {
      @Override
      public Path file() {
        return file;
      }

      @Override
      public VpatchProxy.Options load() {
        return ConfigFile.read(file).toOptions(null);
      }
    };
    proxy = VpatchProxy.start(source.load(), source);
  }

  private RawHttp.Response get(String target) throws Exception {
    return RawHttp.exchange(proxy.server().port(), "GET " + target + " HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    for (int i = 0; i < 200 && !condition.getAsBoolean(); i++) {
      Thread.sleep(50);
    }
    assertThat(condition.getAsBoolean()).as("condition within 10 s").isTrue();
  }

  private void write(String yaml) throws Exception {
    Path temp = dir.resolve("vpatch.yaml.tmp");
    Files.writeString(temp, yaml);
    Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  @Test
  void aRouteChangeSwitchesBackendsWithoutLosingARequest() throws Exception {
    start(config(blue, "on", ""));
    assertThat(get("/api/x").status()).isEqualTo(200);
    assertThat(blue.take().uri()).isEqualTo("/api/x");

    AtomicBoolean running = new AtomicBoolean(true);
    List<Integer> statuses = new CopyOnWriteArrayList<>();
    Thread load = new Thread(() -> {
      while (running.get()) {
        try {
          statuses.add(get("/api/load").status());
        } catch (Exception e) {
          statuses.add(-1);
        }
      }
    });
    load.start();
    try {
      Thread.sleep(200);
      write(config(green, "on", ""));
      await(() -> green.connections() > 0);
      Thread.sleep(200);
    } finally {
      running.set(false);
      load.join();
    }
    assertThat(statuses).isNotEmpty().allMatch(status -> status == 200);
    assertThat(proxy.server().config().routes().get(0).upstream().port()).isEqualTo(green.port());
  }

  @Test
  void aBrokenEditKeepsTheRunningRoutesAndAFixAppliesAgain() throws Exception {
    start(config(blue, "on", ""));
    write(config(green, "on", "listn: typo\n"));
    Thread.sleep(1000);
    assertThat(get("/api/still-blue").status()).isEqualTo(200);
    assertThat(blue.take().uri()).isEqualTo("/api/still-blue");
    assertThat(proxy.reload().loaded()).isFalse();
    assertThat(proxy.reload().error()).contains("vpatch.yaml:9").contains("unknown key 'listn'");

    write(config(green, "on", ""));
    await(() -> proxy.server().config().routes().get(0).upstream().port() == green.port());
    assertThat(get("/api/now-green").status()).isEqualTo(200);
    assertThat(green.take().uri()).isEqualTo("/api/now-green");
  }

  @Test
  void rulesAndEngineModeFollowTheFileAndBrokenRulesKeepEverything() throws Exception {
    start(config(blue, "on", ""));
    assertThat(get("/api/q?x=attack").status()).isEqualTo(403);

    write(config(blue, "detection-only", ""));
    await(() -> proxy.server().config().engineMode() == dev.vpatch.proxy.EngineMode.DETECTION_ONLY);
    assertThat(get("/api/q?x=attack").status()).isEqualTo(200);

    Files.writeString(dir.resolve("broken.conf"), "SecRule ARGS \"@nope\" \"id:2,deny\"\n");
    write(config(green, "on", "").replace("rules: [patch.conf]", "rules: [patch.conf, broken.conf]"));
    Thread.sleep(1000);
    assertThat(proxy.server().config().engineMode()).isEqualTo(dev.vpatch.proxy.EngineMode.DETECTION_ONLY);
    assertThat(proxy.server().config().routes().get(0).upstream().port()).isEqualTo(blue.port());
    assertThat(proxy.reload().error()).contains("broken.conf:1");
  }

  @Test
  void aRouteWithItsOwnRulesAddsThemToTheProxyWideRulesForItsRequestsOnly() throws Exception {
    Files.writeString(dir.resolve("api-patch.conf"), "SecRule ARGS \"@contains apibad\" \"id:2001,phase:1,deny\"\n");
    start("listen: 127.0.0.1:0\nadmin: none\nthreads: 1\nrules: [patch.conf]\nupstream: " + green.uri() + "\n"
        + "routes:\n  - path: /api\n    upstream: " + blue.uri() + "\n    rules: [api-patch.conf]\n");
    assertThat(get("/api/q?x=apibad").status()).isEqualTo(403);
    assertThat(get("/api/q?x=attack").status()).isEqualTo(403);
    assertThat(get("/api/q?x=fine").status()).isEqualTo(200);
    assertThat(get("/other?x=apibad").status()).isEqualTo(200);
    assertThat(get("/other?x=attack").status()).isEqualTo(403);
    assertThat(green.take().uri()).isEqualTo("/other?x=apibad");

    Files.writeString(dir.resolve("api-patch.conf"), "SecRule ARGS \"@contains newbad\" \"id:2001,phase:1,deny\"\n");
    await(() -> {
      try {
        return get("/api/q?x=newbad").status() == 403;
      } catch (Exception e) {
        return false;
      }
    });
    assertThat(get("/api/q?x=apibad").status()).isEqualTo(200);

    Files.writeString(dir.resolve("api-patch.conf"), "SecRule ARGS \"@nope\" \"id:2001,deny\"\n");
    assertThat(proxy.reload().loaded()).isFalse();
    assertThat(get("/api/q?x=newbad").status()).isEqualTo(403);
  }

  @Test
  void restartOnlySettingsAreKept() throws Exception {
    start(config(blue, "on", ""));
    int port = proxy.server().port();
    write(config(green, "on", "").replace("listen: 127.0.0.1:0", "listen: 127.0.0.1:1"));
    await(() -> proxy.server().config().routes().get(0).upstream().port() == green.port());
    assertThat(proxy.server().port()).isEqualTo(port);
    assertThat(proxy.server().config().listenPort()).isZero();
  }
}
