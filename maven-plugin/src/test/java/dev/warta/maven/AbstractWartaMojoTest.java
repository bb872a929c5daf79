package dev.warta.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import org.junit.jupiter.api.Test;

class AbstractWartaMojoTest {

  @Test
  void repairsTheStubProjectsBuildDirectory() {
    File cwd = new File("/tmp/site").getAbsoluteFile();
    assertEquals(new File(cwd, "target/warta-serve"), AbstractWartaMojo.folder(new File(cwd, "${project.basedir}/target/warta-serve")));
  }

  @Test
  void keepsRealFolders() {
    File out = new File("/tmp/site/target/site/warta").getAbsoluteFile();
    assertEquals(out, AbstractWartaMojo.folder(out));
  }

  @Test
  void progressLinesGiveTheCountTheRateAndTheTimeLeft() {
    assertEquals("render   41,200 of 100,000, 8,240/s, about 7 s left", AbstractWartaMojo.advanced("render", 41_200, 100_000, 5_000));
    // nothing done yet: no rate to guess the time left from
    assertEquals("load     0 of 500, 0/s", AbstractWartaMojo.advanced("load", 0, 500, 5_000));
  }
}
