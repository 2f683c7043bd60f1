package dev.vpatch.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code vpatch demo}. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Start a vulnerable demo application with vpatch in front of it.")
public final class DemoCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("vpatch demo: not implemented yet");
    return 2;
  }
}
