package dev.vpatch.store;

import java.time.Instant;

/**
 * Child-process main for {@link KillDuringWritesTest}: writes vulnerabilities (each with two PoCs, one
 * transaction each) as fast as it can and prints each id only after its commit returned.
 */
public final class DurabilityWriter {
  private DurabilityWriter() {}

  public static void main(String[] args) {
    try (Store store = Store.open(args[0])) {
      System.out.println("ready");
      System.out.flush();
      while (true) {
        String id = store.inTransaction(s -> s.vulnerabilities().insert(RepositoryContract.sqli(Instant.now()))).id();
        System.out.println(id);
        System.out.flush();
      }
    }
  }
}
