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
}
