package io.hedgedesk.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * {@link BacktestBenchmark}'s operations timed as <b>thread CPU time</b> per call in one JVM: on a machine shared with
 * other builds, wall time (what JMH reports) mostly measures the wait for a core. 30 rounds of 10 calls each; the
 * median and the fastest round of the last 20 (the first 10 warm the JIT up).
 * {@code java -cp target/benchmarks.jar io.hedgedesk.bench.BacktestCpuTime}
 */
public final class BacktestCpuTime {

  private BacktestCpuTime() {
  }

  public static void main(String[] args) {
    BacktestBenchmark bench = new BacktestBenchmark();
    bench.assets = 20;
    bench.days = 1826;
    bench.setUp();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (String name : new String[] {"perAssetBanded", "perAssetBandedWithMarket", "proxyRollingBanded"}) {
      double[] rounds = new double[30];
      for (int round = 0; round < rounds.length; round++) {
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < 10; i++) {
          switch (name) {
            case "perAssetBanded" -> bench.perAssetBanded();
            case "perAssetBandedWithMarket" -> bench.perAssetBandedWithMarket();
            default -> bench.proxyRollingBanded();
          }
        }
        rounds[round] = (threads.getCurrentThreadCpuTime() - start) / 1e6 / 10;
      }
      double[] measured = Arrays.copyOfRange(rounds, 10, rounds.length);
      Arrays.sort(measured);
      System.out.printf("%-26s CPU ms/op: median %.1f, fastest round %.1f, slowest %.1f%n", name,
          measured[measured.length / 2], measured[0], measured[measured.length - 1]);
    }
  }
}
