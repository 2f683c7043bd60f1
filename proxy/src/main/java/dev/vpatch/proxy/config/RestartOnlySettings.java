package dev.vpatch.proxy.config;

import dev.vpatch.proxy.ProxyConfig;
import dev.vpatch.proxy.VpatchProxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The settings a running proxy keeps until it restarts: sockets it has bound, files it has opened,
 * TLS material and thread and pool sizes. A reload that changes them reports them and keeps them.
 */
public final class RestartOnlySettings {
  private RestartOnlySettings() {}

  /** The keys (as in vpatch.yaml) of restart-only settings that differ between the two. */
  public static List<String> changed(VpatchProxy.Options running, VpatchProxy.Options next) {
    List<String> changed = new ArrayList<>();
    ProxyConfig a = running.config();
    ProxyConfig b = next.config();
    check(changed, "listen", a.listenHost() + ":" + a.listenPort(), b.listenHost() + ":" + b.listenPort());
    check(changed, "tls-cert", a.tlsCertificate(), b.tlsCertificate());
    check(changed, "tls-key", a.tlsKey(), b.tlsKey());
    check(changed, "upstream-ca", a.upstreamCa(), b.upstreamCa());
    check(changed, "upstream-insecure", a.upstreamInsecure(), b.upstreamInsecure());
    check(changed, "connect-timeout", a.connectTimeout(), b.connectTimeout());
    check(changed, "admin", running.admin(), next.admin());
    check(changed, "admin-token", running.adminToken(), next.adminToken());
    check(changed, "audit-log", running.auditLog(), next.auditLog());
    check(changed, "alert-log", running.alertLog(), next.alertLog());
    check(changed, "threads", running.threads(), next.threads());
    return changed;
  }

  /** {@code next} with every restart-only setting taken from {@code running}. */
  public static VpatchProxy.Options keep(VpatchProxy.Options running, VpatchProxy.Options next) {
    return new VpatchProxy.Options(next.config().withStartupSettingsOf(running.config()), next.crs(), next.rules(),
        running.auditLog(), running.alertLog(), running.admin(), running.adminToken(), next.watch(), running.threads());
  }

  private static void check(List<String> changed, String key, Object before, Object after) {
    if (!Objects.equals(before, after)) {
      changed.add(key);
    }
  }
}
