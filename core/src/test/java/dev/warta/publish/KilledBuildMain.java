package dev.warta.publish;

import dev.warta.BuildListener;
import dev.warta.Warta;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Builds a site in a child JVM for {@link InterruptionTest}, which kills it at a random moment.
 * Prints {@code building} just before the build starts, so the parent can time its kill from
 * there rather than from the JVM's start, {@code stage NAME} as each stage starts, and {@code
 * published in N ms} when the publish stage ends, so it can aim kills at the switch.
 */
public final class KilledBuildMain {
  private KilledBuildMain() {}

  /** Arguments: the site folder and the output folder. */
  public static void main(String[] args) {
    System.out.println("building");
    System.out.flush();
    BuildListener stages = new BuildListener() {
      @Override
      public void stageStarted(String stage) {
        System.out.println("stage " + stage);
        System.out.flush();
      }

      @Override
      public void stageFinished(String stage, int count, long millis) {
        if (stage.equals("publish")) {
          System.out.println("published in " + millis + " ms");
          System.out.flush();
        }
      }
    };
    Warta.site(Path.of(args[0])).output(Path.of(args[1])).buildTime(Instant.parse("2025-06-30T05:00:00Z")).listener(stages).build();
    System.out.println("built");
  }
}
