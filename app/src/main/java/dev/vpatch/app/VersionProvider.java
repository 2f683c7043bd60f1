package dev.vpatch.app;

import picocli.CommandLine;

/** Reports the version from the jar manifest. */
public final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Main.class.getPackage().getImplementationVersion();
    return new String[] {"vpatch " + (version == null ? "dev" : version)};
  }
}
