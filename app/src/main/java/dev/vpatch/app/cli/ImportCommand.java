package dev.vpatch.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code vpatch import}. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Import a scanner report into vulnerabilities and draft patches.")
public final class ImportCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("vpatch import: not implemented yet");
    return 2;
  }
}
