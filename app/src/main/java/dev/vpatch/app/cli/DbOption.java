package dev.vpatch.app.cli;

import dev.vpatch.store.Store;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The global {@code --db FILE|JDBC_URL} option, inherited by every subcommand. */
public final class DbOption {
  @Option(names = "--db", paramLabel = "FILE|JDBC_URL", scope = ScopeType.INHERIT, defaultValue = Store.DEFAULT_LOCATION,
      description = "Database: a SQLite file (created on first use) or a jdbc:postgresql://... URL (default: ${DEFAULT-VALUE}).")
  String location;

  /** The option as given anywhere on the command line (it is declared once, on the root command). */
  public static DbOption from(picocli.CommandLine.Model.CommandSpec spec) {
    return (DbOption) spec.root().mixins().get("db").userObject();
  }

  public Store open() {
    return Store.open(location);
  }
}
