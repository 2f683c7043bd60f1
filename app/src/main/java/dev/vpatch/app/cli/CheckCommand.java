package dev.vpatch.app.cli;

import dev.vpatch.engine.RuleSet;
import dev.vpatch.engine.RuleSetBuilder;
import dev.vpatch.engine.seclang.SecLangException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vpatch check}: compiles rule files and reports every problem with file:line. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Compile SecLang rule files and report every problem with file:line and reason.",
      "Exit status: 0 when all rules compile, 1 when any problem was found, 2 on usage errors."
    })
public final class CheckCommand implements Callable<Integer> {
  @Option(
      names = {"-r", "--rules"},
      required = true,
      paramLabel = "FILE|DIR",
      description = "Rule file, or directory whose *.conf files load in name order (repeatable).")
  List<Path> rules;

  @Option(
      names = "--crs",
      paramLabel = "DIR",
      description = "Load the OWASP CRS in DIR (crs-setup.conf.example and rules/*.conf) before the rules.")
  Path crs;

  @Override
  public Integer call() {
    RuleSetBuilder builder = RuleSet.builder();
    if (crs != null) {
      try {
        builder.addCrs(crs);
      } catch (SecLangException e) {
        System.out.println(e.getMessage());
        return 1;
      }
    }
    for (Path path : rules) {
      if (!Files.exists(path)) {
        System.err.println(path + ": no such file or directory");
        return 1;
      }
      builder.addFile(path);
    }
    List<SecLangException> problems = builder.validate();
    for (SecLangException problem : problems) System.out.println(problem.getMessage());
    if (!problems.isEmpty()) {
      System.out.println(problems.size() + (problems.size() == 1 ? " problem" : " problems"));
      return 1;
    }
    RuleSet ruleSet = builder.build();
    System.out.println("OK: " + ruleSet.ruleCount() + " rules");
    return 0;
  }
}
