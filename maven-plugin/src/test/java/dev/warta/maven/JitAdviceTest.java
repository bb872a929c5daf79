package dev.warta.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class JitAdviceTest {

  @Test
  void aBuildWhoseCompilerTookHalfTheMachineGetsTheFlags() {
    // 10,000 articles on 2 cores with the JVM's defaults: about 22 s of compiling in a 17 s build
    Optional<String> hint = JitAdvice.of(22_000, 17_000, 2);
    assertTrue(hint.isPresent());
    assertEquals("Warta: the JIT compiler took 22.0 s of CPU during this 17.0 s build, half or more of what 2 cores had;"
        + " an archive of this size builds faster in a JVM of its own (warta.fork=true, the default), or with"
        + " -XX:TieredStopAtLevel=1 -XX:+UseParallelGC in .mvn/jvm.config or MAVEN_OPTS (Warta's README, \"Benchmark\")", hint.get());
    assertTrue(JitAdvice.of(17_000, 17_000, 2).isPresent(), "exactly half");
  }

  @Test
  void noHintWhereTheCompilerPaysForItself() {
    assertEquals(Optional.empty(), JitAdvice.of(2_400, 12_000, 2), "the first tier alone already");
    assertEquals(Optional.empty(), JitAdvice.of(35_000, 75_000, 2), "100,000 articles, where the optimising compiler wins");
    assertEquals(Optional.empty(), JitAdvice.of(22_000, 6_000, 8), "cores to spare for the compiler");
    assertEquals(Optional.empty(), JitAdvice.of(4_000, 3_000, 2), "a small site: a second or so to win");
  }

  @Test
  void aMomentsMeasureGivesNoHint() {
    // whatever this JVM compiled before, a fresh measure of a moment gives no hint
    assertEquals(Optional.empty(), new JitAdvice().now());
  }
}
