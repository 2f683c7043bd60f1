package dev.vpatch.proxy.rules;

import dev.vpatch.engine.RuleSet;
import dev.vpatch.engine.seclang.SecLangException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule set in force. A reload compiles a complete new rule set first and swaps it in with one
 * atomic write; requests already running keep the rule set they started with (each exchange reads
 * {@link #get()} once). A rule file that does not compile leaves the running rules in place.
 */
public final class RuleSetHolder implements Supplier<RuleSet> {
  private static final Logger LOG = LoggerFactory.getLogger(RuleSetHolder.class);

  /** The outcome of one reload. */
  public record Outcome(boolean loaded, int ruleCount, String error) {}

  private volatile RuleSources sources;
  private final AtomicReference<RuleSet> current = new AtomicReference<>();
  private volatile Instant loadedAt;
  private volatile String lastError;

  /** Compiles the initial rule set; throws {@link SecLangException} when it does not compile. */
  public RuleSetHolder(RuleSources sources) {
    this.sources = sources;
    current.set(sources.compile());
    loadedAt = Instant.now();
  }

  @Override
  public RuleSet get() {
    return current.get();
  }

  public RuleSources sources() {
    return sources;
  }

  public Instant loadedAt() {
    return loadedAt;
  }

  /** The last reload error, or null when the last reload succeeded. */
  public String lastError() {
    return lastError;
  }

  /** Recompiles every source and swaps the result in; keeps the running rules on any error. */
  public synchronized Outcome reload() {
    return replace(sources);
  }

  /**
   * Compiles {@code next} (other files, CRS or engine mode) and, when it compiles, makes it the
   * source of this and later reloads; on any error the running rules and sources stay.
   */
  public synchronized Outcome replace(RuleSources nextSources) {
    RuleSet next;
    try {
      next = nextSources.compile();
    } catch (SecLangException e) {
      lastError = e.getMessage();
      LOG.error("reload failed, keeping the running rules: {}", e.getMessage());
      return new Outcome(false, current.get().ruleCount(), e.getMessage());
    } catch (RuntimeException e) {
      lastError = e.toString();
      LOG.error("reload failed, keeping the running rules", e);
      return new Outcome(false, current.get().ruleCount(), e.toString());
    }
    sources = nextSources;
    current.set(next);
    loadedAt = Instant.now();
    lastError = null;
    LOG.info("rules reloaded: {} rules", next.ruleCount());
    return new Outcome(true, next.ruleCount(), null);
  }
}
