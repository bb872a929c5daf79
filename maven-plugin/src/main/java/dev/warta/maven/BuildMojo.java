package dev.warta.maven;

import dev.warta.BuildException;
import dev.warta.BuildResult;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Builds the news archive into the output folder.
 *
 * <p>Bound to the {@code site} phase, so {@code mvn site} builds the archive in a project that
 * declares the plugin. It also runs without a project: {@code mvn
 * dev.warta:warta-maven-plugin:VERSION:build -Dwarta.site=DIR -Dwarta.output=DIR}.
 *
 * <p>The output folder is Warta's own: a link to a release folder beside it ({@code .NAME.releases/N}),
 * switched to the new site in one step, and only once every page was written. A folder that holds files Warta did not write is never replaced (the goal fails
 * instead), so it never deletes what the maven-site-plugin or anyone else put next to it.
 *
 * <p>Settings: a value in the pom's {@code <configuration>} wins over a {@code -Dwarta.*} property,
 * which wins over {@code warta.yml}, which wins over Warta's defaults.
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.SITE, requiresProject = false, threadSafe = true)
public class BuildMojo extends AbstractWartaMojo {

  /**
   * The output folder, which each build makes hold exactly the new site. The default is a folder of its own inside the
   * Maven site's output, so {@code mvn site} publishes the archive at {@code target/site/warta/}.
   * Warta marks the folder with a {@code .warta-output} file and refuses a non-empty folder without
   * it: never point this at {@code target/site} itself.
   */
  @Parameter(property = "warta.output", defaultValue = "${project.build.directory}/site/warta")
  private File output;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping Warta build (warta.skip)");
      return;
    }
    File output = folder(this.output);
    try {
      JitAdvice jit = new JitAdvice();
      BuildResult result = site().output(output.toPath()).build();
      result.warnings().forEach(p -> getLog().warn(where(p)));
      getLog().info("Warta: " + result.summary());
      getLog().info("Warta: site written to " + new File(output, "index.html").getPath());
      jit.now().ifPresent(getLog()::info);
    } catch (BuildException e) {
      throw failure(e);
    } catch (RuntimeException e) {
      throw new MojoExecutionException("Warta failed unexpectedly: " + e, e);
    }
  }
}
