package dev.vpatch.proxy.testing;

import dev.vpatch.engine.RuleSet;
import dev.vpatch.proxy.EngineMode;
import dev.vpatch.proxy.ProxyConfig;
import dev.vpatch.proxy.ProxyServer;
import dev.vpatch.proxy.observe.AlertStream;
import dev.vpatch.proxy.observe.ProxyMetrics;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** A test upstream with a vpatch proxy in front of it, both on loopback. */
public final class ProxyFixture implements AutoCloseable {
  public final TestUpstream upstream;
  public final ProxyServer proxy;
  public final ProxyMetrics metrics = ProxyMetrics.unregistered();

  private ProxyFixture(TestUpstream upstream, ProxyServer proxy) {
    this.upstream = upstream;
    this.proxy = proxy;
  }

  public static ProxyFixture engineOff() throws InterruptedException {
    return start(null, config -> config.withEngine(EngineMode.OFF, true), null);
  }

  public static ProxyFixture start(Supplier<RuleSet> rules, UnaryOperator<ProxyConfig> configure, AlertStream alerts)
      throws InterruptedException {
    TestUpstream upstream = new TestUpstream();
    ProxyConfig config = configure.apply(ProxyConfig.defaults(upstream.uri()).withListen("127.0.0.1", 0));
    try {
      ProxyServer proxy = ProxyServer.start(config, rules == null ? () -> null : rules, ProxyMetrics.unregistered(), alerts, 2);
      return new ProxyFixture(upstream, proxy);
    } catch (RuntimeException | InterruptedException e) {
      upstream.close();
      throw e;
    }
  }

  public int port() {
    return proxy.port();
  }

  public RawHttp.Response send(String request) throws java.io.IOException {
    return RawHttp.exchange(port(), request);
  }

  @Override
  public void close() {
    proxy.close();
    upstream.close();
  }
}
