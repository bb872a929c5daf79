package dev.warta.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the items a long stage has done, and reports the count every few seconds while the
 * stage's thread waits for its workers.
 *
 * <p>Workers only add to a counter: no clock, no lock, no call out of the stage. The report comes
 * from the thread that waits in {@link #await}, so the listener still hears every call from the
 * one thread that runs the build, and a stage that ends within the interval reports nothing.
 */
public final class Meter {

  /** Hears how far a stage got. */
  @FunctionalInterface
  public interface Report {
    /** {@code done} of {@code total} items after {@code millis} since the stage's counting began. */
    void advanced(int done, int total, long millis);
  }

  /** How often a running stage reports: often enough to see it move, rare enough to read. */
  public static final long INTERVAL_MILLIS = 5_000;

  private final int total;
  /** Null for a meter that reports nothing. */
  private final Report report;
  private final long intervalNanos;
  private final long start = System.nanoTime();
  private final AtomicInteger done = new AtomicInteger();

  private Meter(int total, Report report, long intervalMillis) {
    this.total = total;
    this.report = report;
    this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
  }

  /** A meter of {@code total} items reporting to {@code report} every {@link #INTERVAL_MILLIS}. */
  public static Meter of(int total, Report report) {
    return new Meter(total, report, INTERVAL_MILLIS);
  }

  /** A meter reporting every {@code intervalMillis}, for tests. */
  static Meter every(long intervalMillis, int total, Report report) {
    return new Meter(total, report, intervalMillis);
  }

  /** A meter that reports nothing. */
  public static Meter none() {
    return new Meter(0, null, 0);
  }

  /** One more item done; from any thread. */
  public void add() {
    done.incrementAndGet();
  }

  /** Items done so far. */
  public int done() {
    return done.get();
  }

  /**
   * Waits for {@code task}'s result, reporting the count each interval meanwhile.
   *
   * @throws ExecutionException as {@link Future#get()} does
   * @throws InterruptedException as {@link Future#get()} does
   */
  public <T> T await(Future<T> task) throws InterruptedException, ExecutionException {
    if (report == null) {
      return task.get();
    }
    long next = start + intervalNanos;
    while (true) {
      try {
        return task.get(Math.max(0, next - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        long now = System.nanoTime();
        report.advanced(done.get(), total, TimeUnit.NANOSECONDS.toMillis(now - start));
        next = now + intervalNanos;
      }
    }
  }
}
