package dev.vpatch.proxy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpatch.proxy.EngineMode;
import dev.vpatch.proxy.VpatchProxy;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigFileTest {
  @TempDir Path dir;

  private ProxySettings parse(String yaml) {
    return ConfigFile.parse(dir.resolve("vpatch.yaml"), yaml);
  }

  @Test
  void everyKeyIsReadAndPathsAreRelativeToTheFile() {
    ProxySettings s = parse(String.join("\n",
        "listen: 0.0.0.0:9000",
        "upstream: http://app:8080",
        "routes:",
        "  - host: shop.example.com",
        "    upstream: https://shop:8443",
        "  - path: /api",
        "    upstream: http://api:9000",
        "    strip-prefix: true",
        "    rules: [api.conf]",
        "tls-cert: tls/cert.pem",
        "tls-key: /etc/key.pem",
        "rules: [patches, extra.conf]",
        "crs: ../crs",
        "engine: detection-only",
        "fail-open: true",
        "audit-log: audit.log",
        "alert-log: alerts.log",
        "admin: 127.0.0.1:9999",
        "admin-token: secret",
        "store-patches: false",
        "no-watch: true",
        "threads: 4",
        "max-body: 1048576",
        "response-timeout: 30",
        "connect-timeout: 3",
        "header-timeout: 20",
        "body-timeout: 25",
        "upstream-ca: ca.pem",
        "upstream-insecure: false",
        ""));
    assertThat(s.listen.getPort()).isEqualTo(9000);
    assertThat(s.upstream).isEqualTo(URI.create("http://app:8080"));
    assertThat(s.routes).hasSize(2);
    assertThat(s.routes.get(0).host().toString()).isEqualTo("shop.example.com");
    assertThat(s.routes.get(0).upstream().tls()).isTrue();
    assertThat(s.routes.get(1).stripPrefix()).isTrue();
    assertThat(s.routes.get(0).rules()).isNull();
    assertThat(s.routes.get(1).rules()).containsExactly(dir.resolve("api.conf"));
    assertThat(s.tlsCert).isEqualTo(dir.resolve("tls/cert.pem"));
    assertThat(s.tlsKey).isEqualTo(Path.of("/etc/key.pem"));
    assertThat(s.rules).containsExactly(dir.resolve("patches"), dir.resolve("extra.conf"));
    assertThat(s.crs).isEqualTo(dir.getParent().resolve("crs"));
    assertThat(s.engine).isEqualTo(EngineMode.DETECTION_ONLY);
    assertThat(s.failOpen).isTrue();
    assertThat(s.admin.getPort()).isEqualTo(9999);
    assertThat(s.adminToken).isEqualTo("secret");
    assertThat(s.noWatch).isTrue();
    assertThat(s.threads).isEqualTo(4);
    assertThat(s.maxBody).isEqualTo(1048576L);
    assertThat(s.upstreamCa).isEqualTo(dir.resolve("ca.pem"));

    VpatchProxy.Options options = s.toOptions(null);
    assertThat(options.config().engineMode()).isEqualTo(EngineMode.DETECTION_ONLY);
    assertThat(options.config().failClosed()).isFalse();
    assertThat(options.config().responseTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(options.config().connectTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(options.config().headerTimeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(options.config().bodyTimeout()).isEqualTo(Duration.ofSeconds(25));
    assertThat(options.watch()).isFalse();
    assertThat(options.threads()).isEqualTo(4);
    assertThat(options.adminToken()).isEqualTo("secret");
  }

  @Test
  void anEmptyFileNeedsAnUpstreamFromSomewhereElse() {
    ProxySettings empty = parse("# nothing yet\n");
    assertThatThrownBy(() -> empty.toOptions(null)).hasMessageContaining("no upstream");
    ProxySettings cli = new ProxySettings();
    cli.upstream = URI.create("http://127.0.0.1:3000");
    VpatchProxy.Options options = empty.overriddenBy(cli).toOptions("from-env");
    assertThat(options.config().listenPort()).isEqualTo(8080);
    assertThat(options.admin()).isEqualTo(new InetSocketAddress("127.0.0.1", 9180));
    assertThat(options.adminToken()).isEqualTo("from-env");
  }

  @Test
  void theCommandLineOverridesTheFileKeyByKey() {
    ProxySettings file = parse("listen: 127.0.0.1:7000\nupstream: http://a:1\nengine: off\nadmin: none\nrules: [x.conf]\n");
    ProxySettings cli = new ProxySettings();
    cli.engine = EngineMode.ON;
    cli.admin("127.0.0.1:9200", "--admin");
    VpatchProxy.Options options = file.overriddenBy(cli).toOptions(null);
    assertThat(options.config().listenPort()).isEqualTo(7000);
    assertThat(options.config().engineMode()).isEqualTo(EngineMode.ON);
    assertThat(options.admin().getPort()).isEqualTo(9200);
    assertThat(options.rules()).containsExactly(dir.resolve("x.conf"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown key            | upstream: http://a:1\\nlisten: 1.2.3.4:80\\nlistn: x                  | vpatch.yaml:3: unknown key 'listn'",
      "bad engine             | engine: maybe                                                       | vpatch.yaml:1: engine: engine mode must be on, detection-only or off",
      "bad listen             | \\n\\nlisten: 8080                                                  | vpatch.yaml:3: listen: listen must be HOST:PORT",
      "bad boolean            | fail-open: yes please                                               | vpatch.yaml:1: fail-open: must be true or false",
      "bad number             | threads: many                                                       | vpatch.yaml:1: threads: must be a whole number",
      "negative timeout       | response-timeout: 0                                                 | vpatch.yaml:1: response-timeout: must be between 1",
      "duplicate key          | upstream: http://a:1\\nupstream: http://b:1                         | vpatch.yaml:2: upstream: given twice",
      "ftp upstream           | upstream: ftp://a                                                   | vpatch.yaml:1: upstream: upstream must be an http:// or https:// URL",
      "list for a scalar      | crs: [a, b]                                                         | vpatch.yaml:1: crs: must be a single value",
      "routes not a list      | routes: x                                                           | vpatch.yaml:1: routes: must be a list",
      "route without upstream | routes:\\n  - host: a.test\\n    path: /x                           | vpatch.yaml:2: routes[0]: upstream is required",
      "route unknown key      | routes:\\n  - host: a.test\\n    upstream: http://a\\n    prefix: /x  | vpatch.yaml:4: routes[0].prefix: unknown key",
      "route bad path         | routes:\\n  - path: api\\n    upstream: http://a                     | vpatch.yaml:2: routes[0]: route path must start with '/'",
      "route without match    | routes:\\n  - upstream: http://a                                    | vpatch.yaml:2: routes[0]: needs a host or a path",
      "not a mapping          | - a\\n- b                                                           | vpatch.yaml:1: the file must be a mapping",
      "broken yaml            | upstream: http://a:1\\nroutes: [\\n                                   | vpatch.yaml:3: not valid YAML",
      "tab indentation        | routes:\\n\\t- host: a                                              | vpatch.yaml:2: not valid YAML",
  })
  void errorsNameTheFileLineKeyAndReason(String name, String yaml, String message) {
    assertThatThrownBy(() -> parse(yaml.replace("\\n", "\n").replace("\\t", "\t")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(dir.resolve(message.substring(0, message.indexOf(':'))).toString())
        .hasMessageContaining(message.substring(message.indexOf(':')));
  }

  @Test
  void aFileThatCannotBeReadSaysSo() {
    assertThatThrownBy(() -> ConfigFile.read(dir.resolve("missing.yaml"))).hasMessageContaining("missing.yaml: cannot read");
  }

  @Test
  void theExampleAtTheRepositoryRootIsValid() throws Exception {
    Path example = Path.of("..", "vpatch.example.yaml");
    assertThat(example).exists();
    ProxySettings s = ConfigFile.parse(example, Files.readString(example));
    assertThat(s.routes).isNotEmpty();
    assertThat(s.toOptions(null).config().routeTable().routes()).hasSameSizeAs(s.routes);
  }
}
