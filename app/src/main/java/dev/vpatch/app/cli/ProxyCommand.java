package dev.vpatch.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code vpatch proxy}. */
@Command(name = "proxy", mixinStandardHelpOptions = true, description = "Run the reverse proxy that enforces rules in front of an upstream.")
public final class ProxyCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("vpatch proxy: not implemented yet");
    return 2;
  }
}
