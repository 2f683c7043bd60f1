package dev.vpatch.bench.ab;

import com.sun.management.ThreadMXBean;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * Compares two builds of the engine in one JVM: each build's jar gets its own class loader, both
 * run the same transactions in interleaved rounds (the order alternating per round), and each
 * round gives a paired ratio B/A. Separate JVMs on this kind of machine differ by more than most
 * changes do (JIT luck, neighbours on the host); within a round both builds share them.
 *
 * <p>Hot mode times a batch of transactions by thread CPU time, one request repeated as JMH does.
 * Cold mode touches a buffer of {@code --cold MB} between transactions and times each transaction
 * alone, so that the rule set's data must come from memory as it does in the proxy, where the
 * network stack and other requests run in between.
 *
 * <pre>
 *   java -cp benchmarks.jar dev.vpatch.bench.ab.SameJvmComparison A.jar B.jar [--rounds N] [--cold MB]
 * </pre>
 *
 * The CRS folder comes from {@code -Dvpatch.crs.dir} (default {@code ../shared/crs}).
 */
public final class SameJvmComparison {
  /** Transactions per shape and round, so that each batch runs for tens of milliseconds. */
  private static final int[] BATCH = {1000, 100, 100, 1000, 10};
  private static final int WARMUP_ROUNDS = 8;

  private final List<Runnable[]> builds = new ArrayList<>();
  private final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
  /** Touched between transactions in cold mode; empty in hot mode. */
  private final byte[] junk;
  private int sink;

  SameJvmComparison(List<URL[]> classPaths, int coldMegabytes) throws ReflectiveOperationException {
    for (URL[] classPath : classPaths) {
      ClassLoader loader = new URLClassLoader(classPath, ClassLoader.getPlatformClassLoader());
      @SuppressWarnings("unchecked")
      Supplier<Runnable[]> shapes = (Supplier<Runnable[]>) loader
          .loadClass(ShapeTransactions.class.getName()).getDeclaredConstructor().newInstance();
      builds.add(shapes.get());
    }
    this.junk = new byte[coldMegabytes << 20];
  }

  public static void main(String[] args) throws Exception {
    List<String> jars = new ArrayList<>();
    int rounds = 10;
    int cold = 0;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--cold" -> cold = Integer.parseInt(args[++i]);
        default -> jars.add(args[i]);
      }
    }
    if (jars.size() != 2 || rounds < 1 || cold < 0) {
      System.err.println("usage: SameJvmComparison A.jar B.jar [--rounds N] [--cold MB]");
      System.exit(2);
    }
    // This jar follows each build's own: a build older than ShapeTransactions borrows it.
    URL tool = SameJvmComparison.class.getProtectionDomain().getCodeSource().getLocation();
    List<URL[]> classPaths = new ArrayList<>();
    for (String jar : jars) classPaths.add(new URL[] {Path.of(jar).toUri().toURL(), tool});
    SameJvmComparison comparison = new SameJvmComparison(classPaths, cold);
    System.out.printf("A = %s%nB = %s%n%s, %d rounds%n", jars.get(0), jars.get(1),
        cold > 0 ? "cold (" + cold + " MB touched between transactions, wall time)" : "hot (thread CPU time)",
        rounds);
    comparison.run(rounds, 1, System.out);
  }

  /** Warms both builds up, runs the rounds and prints the table; batches are divided by {@code scale}. */
  void run(int rounds, int scale, PrintStream out) {
    int shapes = ShapeTransactions.NAMES.length;
    // Interleaved like the measured rounds: each build's copy of the engine is compiled by the JIT
    // on its own, and a build warmed alone first measured up to twice as slow in the early rounds.
    for (int round = 0; round < WARMUP_ROUNDS; round++) {
      for (int s = 0; s < shapes; s++) {
        for (Runnable[] build : builds) {
          for (int i = 0; i < batch(s, scale); i++) build[s].run();
        }
      }
    }
    double[][] best = new double[2][shapes];
    long[][] allocated = new long[2][shapes];
    for (double[] row : best) java.util.Arrays.fill(row, Double.MAX_VALUE);
    List<List<Double>> ratios = new ArrayList<>();
    for (int s = 0; s < shapes; s++) ratios.add(new ArrayList<>());
    long thread = Thread.currentThread().getId();
    for (int round = 0; round < rounds; round++) {
      for (int s = 0; s < shapes; s++) {
        double[] micros = new double[2];
        for (int k = 0; k < 2; k++) {
          int b = (round & 1) == 0 ? k : 1 - k;
          int n = batch(s, scale);
          long bytesBefore = threads.getThreadAllocatedBytes(thread);
          Runnable transaction = builds.get(b)[s];
          long nanos = junk.length > 0 ? coldNanos(transaction, n) : hotNanos(transaction, n);
          micros[b] = nanos / 1000.0 / n;
          allocated[b][s] = (threads.getThreadAllocatedBytes(thread) - bytesBefore) / n;
          best[b][s] = Math.min(best[b][s], micros[b]);
        }
        ratios.get(s).add(micros[1] / micros[0]);
      }
    }
    out.printf("%-12s %10s %10s %9s %9s %10s %10s%n", "shape", "A min us", "B min us", "B/A min", "B/A med",
        "A B/tx", "B B/tx");
    for (int s = 0; s < shapes; s++) {
      List<Double> paired = ratios.get(s);
      Collections.sort(paired);
      out.printf("%-12s %10.1f %10.1f %9.3f %9.3f %10d %10d%n", ShapeTransactions.NAMES[s],
          best[0][s], best[1][s], best[1][s] / best[0][s], paired.get(paired.size() / 2),
          allocated[0][s], allocated[1][s]);
    }
    out.printf("B/A below 1: B is faster (min: best batches; med: median of the rounds' paired ratios)%n");
  }

  private static int batch(int shape, int scale) {
    return Math.max(1, BATCH[shape] / scale);
  }

  private long hotNanos(Runnable transaction, int n) {
    long start = threads.getCurrentThreadCpuTime();
    for (int i = 0; i < n; i++) transaction.run();
    return threads.getCurrentThreadCpuTime() - start;
  }

  private long coldNanos(Runnable transaction, int n) {
    long spent = 0;
    for (int i = 0; i < n; i++) {
      touchBuffer();
      long start = System.nanoTime();
      transaction.run();
      spent += System.nanoTime() - start;
    }
    return spent;
  }

  /** Reads and writes one byte per cache line of the buffer, evicting what the last transaction left. */
  private void touchBuffer() {
    int x = sink;
    for (int i = 0; i < junk.length; i += 64) {
      junk[i] += (byte) x;
      x += junk[i];
    }
    sink = x;
  }
}
