package dev.warta.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class JvmChoiceTest {
  private static final long GIB = 1L << 30;

  @Test
  void smallArchivesTakeTheQuickCompilerAndASmallHeap() {
    assertEquals(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-Xmx259m"), JvmChoice.of(200, 2, 24 * GIB).options());
    assertEquals(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-Xmx431m"), JvmChoice.of(10_000, 2, 24 * GIB).options());
  }

  @Test
  void largeArchivesTakeTheOptimisingCompilerSoonerWithMoreCores() {
    assertEquals(List.of("-XX:+UseParallelGC", "-Xmx2013m"), JvmChoice.of(100_000, 2, 24 * GIB).options());
    assertEquals("-XX:TieredStopAtLevel=1", JvmChoice.of(49_999, 2, 24 * GIB).options().get(0));
    assertEquals("-XX:TieredStopAtLevel=1", JvmChoice.of(60_000, 4, 24 * GIB).options().get(0));
  }

  @Test
  void theHeapNeverTakesMoreThanHalfTheMachine() {
    assertEquals("-Xmx1024m", JvmChoice.of(100_000, 2, 2 * GIB).options().get(1));
    assertEquals("-Xmx256m", JvmChoice.of(100_000, 2, 256L << 20).options().get(1));
  }

  @Test
  void anImportTakesTheQuickCompilerAndAHeapThatGrowsSlowlyWithTheExport() {
    assertEquals(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-Xmx525m"), JvmChoice.forImport(54L << 20, 2, 24 * GIB).options());
    assertEquals(List.of("-XX:+UseParallelGC", "-Xmx647m"), JvmChoice.forImport(540L << 20, 2, 24 * GIB).options());
    assertEquals("-XX:+UseParallelGC", JvmChoice.forImport(100L << 20, 2, 24 * GIB).options().get(0));
    assertEquals("-XX:TieredStopAtLevel=1", JvmChoice.forImport(300L << 20, 8, 24 * GIB).options().get(0), "more cores, more left for C2");
    assertEquals("-Xmx1024m", JvmChoice.forImport(8L << 30, 2, 2 * GIB).heap());
  }
}
