package dev.vpatch.engine;

import dev.vpatch.engine.audit.AuditSink;
import dev.vpatch.engine.seclang.SecLangException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Collects SecLang sources in order and compiles them into one immutable {@link RuleSet}. */
public final class RuleSetBuilder {
  /** One SecLang source: inline text (with a display name) or a file or directory. */
  public record Source(String text, String name, Path path) {}

  private final List<Source> sources = new ArrayList<>();
  private AuditSink auditSink;

  RuleSetBuilder() {}

  /** SecLang text; {@code name} is used in error messages and as the base for relative Includes. */
  public RuleSetBuilder addText(String text, String name) {
    sources.add(new Source(text, name, null));
    return this;
  }

  /** A rule file, or a directory whose {@code *.conf} files load in name order. */
  public RuleSetBuilder addFile(Path path) {
    sources.add(new Source(null, path.toString(), path));
    return this;
  }

  /**
   * Adds vpatch's built-in configuration (resource {@code vpatch-defaults.conf}): engine on,
   * request bodies parsed, ModSecurity's recommended limits, and {@code block} denying with 403.
   * Add it first so that the user's rules can override it.
   */
  public RuleSetBuilder addVpatchDefaults() {
    try (java.io.InputStream in = RuleSetBuilder.class.getResourceAsStream("vpatch-defaults.conf")) {
      String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
      return addText(text, "vpatch-defaults.conf");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Adds an OWASP CRS checkout the way CRS documents it: {@code DIR/crs-setup.conf.example} (or
   * {@code crs-setup.conf} when there is no example), then {@code DIR/rules/*.conf} in name order.
   *
   * @throws SecLangException when DIR holds no CRS setup file
   */
  public RuleSetBuilder addCrs(Path crsDirectory) {
    Path setup = crsDirectory.resolve("crs-setup.conf.example");
    if (!java.nio.file.Files.isRegularFile(setup)) setup = crsDirectory.resolve("crs-setup.conf");
    if (!java.nio.file.Files.isRegularFile(setup)) {
      throw new SecLangException(
          crsDirectory.toString(), 0, "no crs-setup.conf.example or crs-setup.conf in the CRS directory");
    }
    return addFile(setup).addFile(crsDirectory.resolve("rules"));
  }

  /** Where audit records go; overrides SecAuditLog. */
  public RuleSetBuilder auditSink(AuditSink sink) {
    this.auditSink = sink;
    return this;
  }

  public List<Source> sources() {
    return List.copyOf(sources);
  }

  public AuditSink auditSink() {
    return auditSink;
  }

  /** Every problem in the sources (file, line, reason), or an empty list when they compile. */
  public java.util.List<SecLangException> validate() {
    return dev.vpatch.engine.rules.RuleSetCompiler.validate(this);
  }

  /** @throws SecLangException naming file, line and reason of the first error */
  public RuleSet build() {
    return dev.vpatch.engine.rules.RuleSetCompiler.compile(this);
  }
}
