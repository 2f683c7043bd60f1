package dev.vpatch.bench.ab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two copies of this build, each in its own class loader, run the CRS transactions and are
 * compared round by round (one round, small batches: the machinery, not the numbers).
 */
class SameJvmComparisonTest {
  @Test
  void twoIsolatedBuildsRunEveryShapeAndAPairedRatioIsPrinted() throws Exception {
    List<URL> classPath = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classPath.add(Path.of(entry).toUri().toURL());
    }
    URL[] build = classPath.toArray(URL[]::new);
    for (int cold : new int[] {0, 1}) {
      SameJvmComparison comparison = new SameJvmComparison(List.of(build, build), cold);
      ByteArrayOutputStream table = new ByteArrayOutputStream();
      comparison.run(1, 100, new PrintStream(table, true, StandardCharsets.UTF_8));

      String printed = table.toString(StandardCharsets.UTF_8);
      for (String shape : ShapeTransactions.NAMES) {
        // micros A and B, ratios min and median, bytes per transaction A and B
        String ratio = " +[0-9]+\\.[0-9]{3}";
        String row = "(?m)^" + shape + " +[0-9.]+ +[0-9.]+" + ratio + ratio + " +[1-9][0-9]* +[1-9][0-9]*$";
        assertThat(printed).as("cold %d MB", cold).containsPattern(row);
      }
    }
  }
}
