package dev.vpatch.proxy.config;

import dev.vpatch.proxy.EngineMode;
import dev.vpatch.proxy.routing.Route;
import dev.vpatch.proxy.upstream.Upstream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads {@code vpatch.yaml}: a mapping whose keys are the long options of {@code vpatch proxy}
 * without "--", plus {@code routes}. Relative paths are resolved against the file's directory.
 * Unknown keys, duplicate keys and bad values are errors naming the file, the line and the key.
 */
public final class ConfigFile {
  /** The keys of a route entry. */
  public static final List<String> ROUTE_KEYS = List.of("host", "path", "upstream", "strip-prefix", "rules");

  private final String name;
  private final Path base;

  private ConfigFile(Path file) {
    this.name = file.toString();
    Path parent = file.toAbsolutePath().getParent();
    this.base = parent != null ? parent : Path.of(".").toAbsolutePath();
  }

  /** Reads and validates {@code file}. */
  public static ProxySettings read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new ConfigException(file.toString(), 0, "cannot read: " + e.getMessage());
    }
    return parse(file, text);
  }

  /** Validates {@code text} as the contents of {@code file} (which is only used for names and relative paths). */
  public static ProxySettings parse(Path file, String text) {
    return new ConfigFile(file).settings(text);
  }

  private ProxySettings settings(String text) {
    Node root;
    try {
      root = new Compose(LoadSettings.builder().setLabel(name).build()).composeString(text).orElse(null);
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().or(e::getContextMark).map(mark -> mark.getLine() + 1).orElse(0);
      throw new ConfigException(name, line, "not valid YAML: " + e.getProblem());
    } catch (YamlEngineException e) {
      throw new ConfigException(name, 0, "not valid YAML: " + e.getMessage());
    }
    ProxySettings settings = new ProxySettings();
    if (root == null) {
      return settings;
    }
    if (!(root instanceof MappingNode)) {
      throw error(root, "the file must be a mapping of settings (key: value)");
    }
    Set<String> seen = new HashSet<>();
    for (NodeTuple entry : ((MappingNode) root).getValue()) {
      String key = keyOf(entry, seen);
      Node value = entry.getValueNode();
      try {
        apply(settings, key, value);
      } catch (ConfigException e) {
        throw e;
      } catch (IllegalArgumentException e) {
        throw error(value, key + ": " + e.getMessage());
      }
    }
    return settings;
  }

  private String keyOf(NodeTuple entry, Set<String> seen) {
    Node keyNode = entry.getKeyNode();
    if (!(keyNode instanceof ScalarNode)) {
      throw error(keyNode, "keys must be plain names");
    }
    String key = ((ScalarNode) keyNode).getValue();
    if (!seen.add(key)) {
      throw error(keyNode, key + ": given twice");
    }
    return key;
  }

  private void apply(ProxySettings s, String key, Node value) {
    switch (key) {
      case "listen": s.listen = HostPort.parse(scalar(value, key), key); break;
      case "upstream": s.upstream = upstream(scalar(value, key)); break;
      case "routes": s.routes = routes(value); break;
      case "tls-cert": s.tlsCert = path(value, key); break;
      case "tls-key": s.tlsKey = path(value, key); break;
      case "rules": s.rules = paths(value, key); break;
      case "crs": s.crs = path(value, key); break;
      case "engine": s.engine = EngineMode.parse(scalar(value, key)); break;
      case "fail-open": s.failOpen = bool(value, key); break;
      case "audit-log": s.auditLog = path(value, key); break;
      case "alert-log": s.alertLog = path(value, key); break;
      case "admin": s.admin(scalar(value, key), key); break;
      case "admin-token": s.adminToken = scalar(value, key); break;
      case "store-patches": s.storePatches = bool(value, key); break;
      case "no-watch": s.noWatch = bool(value, key); break;
      case "threads": s.threads = (int) number(value, key, 0, 1024); break;
      case "max-body": s.maxBody = number(value, key, 0, Long.MAX_VALUE); break;
      case "response-timeout": s.responseTimeout = number(value, key, 1, 86_400); break;
      case "connect-timeout": s.connectTimeout = number(value, key, 1, 3_600); break;
      case "header-timeout": s.headerTimeout = number(value, key, 1, 86_400); break;
      case "body-timeout": s.bodyTimeout = number(value, key, 1, 86_400); break;
      case "upstream-ca": s.upstreamCa = path(value, key); break;
      case "upstream-insecure": s.upstreamInsecure = bool(value, key); break;
      default:
        throw error(value, "unknown key '" + key + "' (known: " + String.join(", ", KEYS) + ")");
    }
  }

  /** Every top-level key, in the order of {@code vpatch proxy --help}. */
  public static final List<String> KEYS = List.of("upstream", "routes", "listen", "tls-cert", "tls-key", "rules", "crs",
      "engine", "fail-open", "audit-log", "alert-log", "admin", "admin-token", "store-patches", "no-watch", "threads",
      "max-body", "response-timeout", "connect-timeout", "header-timeout", "body-timeout", "upstream-ca",
      "upstream-insecure");

  private static URI upstream(String text) {
    Upstream.parse(text);
    return URI.create(text.trim());
  }

  private List<Route> routes(Node value) {
    if (!(value instanceof SequenceNode)) {
      throw error(value, "routes: must be a list of {host, path, upstream, strip-prefix, rules}");
    }
    List<Route> routes = new ArrayList<>();
    List<Node> items = ((SequenceNode) value).getValue();
    for (int i = 0; i < items.size(); i++) {
      routes.add(route(items.get(i), "routes[" + i + "]"));
    }
    return routes;
  }

  private Route route(Node item, String where) {
    if (!(item instanceof MappingNode)) {
      throw error(item, where + ": must be a mapping with host, path, upstream, strip-prefix, rules");
    }
    String host = null;
    String path = null;
    String upstream = null;
    boolean strip = false;
    List<Path> rules = null;
    Set<String> seen = new HashSet<>();
    for (NodeTuple entry : ((MappingNode) item).getValue()) {
      String key = keyOf(entry, seen);
      Node value = entry.getValueNode();
      String qualified = where + "." + key;
      switch (key) {
        case "host": host = scalar(value, qualified); break;
        case "path": path = scalar(value, qualified); break;
        case "upstream": upstream = scalar(value, qualified); break;
        case "strip-prefix": strip = bool(value, qualified); break;
        case "rules": rules = paths(value, qualified); break;
        default:
          throw error(entry.getKeyNode(), qualified + ": unknown key (known: " + String.join(", ", ROUTE_KEYS) + ")");
      }
    }
    if (upstream == null) {
      throw error(item, where + ": upstream is required");
    }
    if (host == null && path == null) {
      throw error(item, where + ": needs a host or a path (the default route is upstream:)");
    }
    try {
      return Route.of(host, path, upstream, strip, rules);
    } catch (IllegalArgumentException e) {
      throw error(item, where + ": " + e.getMessage());
    }
  }

  private String scalar(Node value, String key) {
    if (!(value instanceof ScalarNode)) {
      throw error(value, key + ": must be a single value");
    }
    String text = ((ScalarNode) value).getValue();
    if (text.isBlank()) {
      throw error(value, key + ": is empty");
    }
    return text;
  }

  private boolean bool(Node value, String key) {
    String text = scalar(value, key).trim().toLowerCase(Locale.ROOT);
    if (text.equals("true")) {
      return true;
    }
    if (text.equals("false")) {
      return false;
    }
    throw error(value, key + ": must be true or false, not '" + ((ScalarNode) value).getValue() + "'");
  }

  private long number(Node value, String key, long min, long max) {
    String text = scalar(value, key).trim();
    long parsed;
    try {
      parsed = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw error(value, key + ": must be a whole number, not '" + text + "'");
    }
    if (parsed < min || parsed > max) {
      throw error(value, key + ": must be between " + min + " and " + max + ", not " + parsed);
    }
    return parsed;
  }

  private Path path(Node value, String key) {
    return base.resolve(scalar(value, key).trim()).normalize();
  }

  private List<Path> paths(Node value, String key) {
    if (value instanceof ScalarNode) {
      return List.of(path(value, key));
    }
    if (!(value instanceof SequenceNode)) {
      throw error(value, key + ": must be a file or a list of files");
    }
    List<Path> paths = new ArrayList<>();
    for (Node item : ((SequenceNode) value).getValue()) {
      paths.add(path(item, key));
    }
    return paths;
  }

  private ConfigException error(Node node, String reason) {
    int line = node.getStartMark().map(Mark::getLine).map(l -> l + 1).orElse(0);
    return new ConfigException(name, line, reason);
  }
}
