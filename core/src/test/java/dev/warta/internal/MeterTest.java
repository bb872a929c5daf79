package dev.warta.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class MeterTest {

  /** A task that is still running the first {@code waits} times it is waited for, doing one item each time. */
  private static final class Slow extends CompletableFuture<String> {
    private final Meter meter;
    private int waits;

    Slow(Meter meter, int waits) {
      this.meter = meter;
      this.waits = waits;
    }

    @Override
    public String get(long timeout, TimeUnit unit) throws TimeoutException {
      meter.add();
      if (waits-- > 0) {
        throw new TimeoutException();
      }
      return "done";
    }
  }

  @Test
  void reportsTheCountEachTimeTheWaitOutlastsTheInterval() throws Exception {
    List<String> reports = new ArrayList<>();
    Meter meter = Meter.every(0, 10, (done, total, millis) -> reports.add(done + " of " + total));
    assertEquals("done", meter.await(new Slow(meter, 2)));
    assertEquals(List.of("1 of 10", "2 of 10"), reports);
    assertEquals(3, meter.done());
  }

  @Test
  void aTaskDoneWithinTheIntervalReportsNothing() throws Exception {
    List<String> reports = new ArrayList<>();
    Meter meter = Meter.every(0, 10, (done, total, millis) -> reports.add(done + " of " + total));
    assertEquals("done", meter.await(new Slow(meter, 0)));
    assertEquals(List.of(), reports);
  }

  @Test
  void aSilentMeterWaitsForTheResultAndPassesFailuresOn() throws Exception {
    assertEquals("x", Meter.none().await(CompletableFuture.completedFuture("x")));
    ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
        () -> Meter.none().await(CompletableFuture.failedFuture(new IllegalStateException("broken"))));
    assertEquals("broken", e.getCause().getMessage());
  }
}
