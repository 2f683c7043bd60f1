package dev.vpatch.proxy.rules;

import dev.vpatch.engine.RuleSet;
import dev.vpatch.proxy.routing.Route;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule sets of routes that have their own rule files: the proxy-wide sources plus the route's
 * files, one rule set per distinct list of files. Replacing them is two-step so that a request
 * routed by the previous route table still finds its rule set while the new table goes in.
 */
public final class RouteRuleSets implements Function<List<Path>, RuleSet>, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RouteRuleSets.class);

  private volatile Map<List<Path>, RuleSetHolder> holders = Map.of();
  private final List<RuleFileWatcher> watchers = new ArrayList<>();

  /** The current rule set of the routes with these files, or null when no route has them. */
  @Override
  public RuleSet apply(List<Path> files) {
    RuleSetHolder holder = holders.get(files);
    return holder == null ? null : holder.get();
  }

  /**
   * Compiles the rule sets {@code routes} need (reusing unchanged ones unless {@code recompile});
   * nothing changes in force. Throws what compiling throws (a SecLangException names file:line).
   */
  public Map<List<Path>, RuleSetHolder> prepare(List<Route> routes, RuleSources proxyWide, boolean recompile) {
    Map<List<Path>, RuleSetHolder> next = new LinkedHashMap<>();
    for (Route route : routes) {
      if (route.rules() == null || next.containsKey(route.rules())) {
        continue;
      }
      RuleSources sources = proxyWide.with(route.rules());
      RuleSetHolder existing = holders.get(route.rules());
      boolean reuse = !recompile && existing != null && existing.sources().equals(sources);
      next.put(route.rules(), reuse ? existing : new RuleSetHolder(sources));
    }
    return next;
  }

  /** Adds {@code next} to the rule sets in force without dropping any (before the route table changes). */
  public void widen(Map<List<Path>, RuleSetHolder> next) {
    Map<List<Path>, RuleSetHolder> both = new HashMap<>(holders);
    both.putAll(next);
    holders = Map.copyOf(both);
  }

  /** Makes exactly {@code next} the rule sets in force (after the route table changed); watches their files. */
  public synchronized void install(Map<List<Path>, RuleSetHolder> next, boolean watch) throws IOException {
    holders = Map.copyOf(next);
    closeWatchers();
    if (watch) {
      for (RuleSetHolder holder : next.values()) {
        watchers.add(new RuleFileWatcher(holder));
      }
    }
  }

  /** Recompiles every route's rules from their files; those that fail keep running as they were. */
  public void reloadAll() {
    holders.values().forEach(RuleSetHolder::reload);
  }

  private void closeWatchers() {
    for (RuleFileWatcher watcher : watchers) {
      try {
        watcher.close();
      } catch (IOException e) {
        LOG.warn("closing a rule watcher failed: {}", e.toString());
      }
    }
    watchers.clear();
  }

  @Override
  public synchronized void close() {
    closeWatchers();
  }
}
