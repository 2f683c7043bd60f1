package dev.vpatch.proxy.rules;

import dev.vpatch.engine.RuleSet;
import dev.vpatch.engine.RuleSetBuilder;
import dev.vpatch.engine.audit.AuditSink;
import dev.vpatch.engine.seclang.SecLangException;
import dev.vpatch.proxy.EngineMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the proxy's rules come from, in load order: vpatch's built-in defaults, then the CRS
 * (its {@code crs-setup.conf.example}, then {@code rules/*.conf}), then the user's files and
 * directories, then the proxy-wide engine mode. Compiling is all or nothing: a broken file throws
 * {@link SecLangException} naming file and line.
 *
 * @param crsDirectory a CRS checkout, or null
 * @param ruleFiles rule files or directories of {@code *.conf}
 * @param auditSink where audit records go, or null for the rules' own SecAuditLog
 */
public record RuleSources(Path crsDirectory, List<Path> ruleFiles, EngineMode mode, AuditSink auditSink) {
  public RuleSources {
    ruleFiles = List.copyOf(ruleFiles);
  }

  /** These sources with {@code more} files loaded after the others (a route's own rules). */
  public RuleSources with(List<Path> more) {
    List<Path> all = new ArrayList<>(ruleFiles);
    all.addAll(more);
    return new RuleSources(crsDirectory, all, mode, auditSink);
  }

  public RuleSet compile() {
    RuleSetBuilder builder = RuleSet.builder().addVpatchDefaults();
    if (crsDirectory != null) builder.addCrs(crsDirectory);
    for (Path file : ruleFiles) {
      if (!Files.exists(file)) {
        throw new SecLangException(file.toString(), 0, "no such file or directory");
      }
      builder.addFile(file);
    }
    if (mode == EngineMode.DETECTION_ONLY) {
      builder.addText("SecRuleEngine DetectionOnly\n", "--engine detection-only");
    }
    if (auditSink != null) {
      builder.auditSink(auditSink);
    }
    return builder.build();
  }

  /** Every file a change to which should trigger a reload (directories expanded to their .conf files). */
  public List<Path> watchedFiles() {
    List<Path> files = new ArrayList<>();
    List<Path> roots = new ArrayList<>(ruleFiles);
    if (crsDirectory != null) {
      roots.add(crsDirectory.resolve("crs-setup.conf.example"));
      roots.add(crsDirectory.resolve("rules"));
    }
    for (Path root : roots) {
      if (Files.isDirectory(root)) {
        try (Stream<Path> list = Files.list(root)) {
          list.filter(p -> p.toString().endsWith(".conf")).forEach(files::add);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      } else {
        files.add(root);
      }
    }
    return files;
  }

  /** The directories to watch: each file's parent and each directory itself. */
  public List<Path> watchedDirectories() {
    List<Path> dirs = new ArrayList<>();
    List<Path> roots = new ArrayList<>(ruleFiles);
    if (crsDirectory != null) {
      roots.add(crsDirectory);
      roots.add(crsDirectory.resolve("rules"));
    }
    for (Path root : roots) {
      Path dir = Files.isDirectory(root) ? root : root.toAbsolutePath().getParent();
      if (dir != null && !dirs.contains(dir.toAbsolutePath())) {
        dirs.add(dir.toAbsolutePath());
      }
    }
    return dirs;
  }
}
