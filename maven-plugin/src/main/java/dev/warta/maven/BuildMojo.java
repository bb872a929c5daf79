package dev.warta.maven;

import dev.warta.BuildException;
import dev.warta.BuildResult;
import dev.warta.shared.Problem;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
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
 * <p>The build runs in a JVM of its own ({@code fork}, on by default), started with a compiler,
 * collector and heap chosen for the archive's size and with a class-data-sharing archive made by
 * the first build, so it is fast without JVM flags in {@code .mvn/jvm.config} or {@code
 * MAVEN_OPTS}; its progress, warnings and errors appear in Maven's log as from a build in Maven's
 * own JVM. {@code -Dwarta.fork=false} builds in Maven's JVM instead.
 *
 * <p>The output folder is Warta's own: a link to a release folder beside it ({@code .NAME.releases/N}),
 * switched to the new site in one step, and only once every page was written. A folder that holds files Warta did not write is never replaced (the goal fails
 * instead), so it never deletes what the maven-site-plugin or anyone else put next to it.
 *
 * <p>Settings: a value in the pom's {@code <configuration>} wins over a {@code -Dwarta.*} property,
 * which wins over {@code warta.yml}, which wins over Warta's defaults.
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.SITE, requiresProject = false, threadSafe = true)
public class BuildMojo extends AbstractForkingMojo {

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
    if (fork) {
      forked(output);
      return;
    }
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

  /** Builds in a forked JVM; see {@link ForkedBuild} for what it answers. */
  private void forked(File output) throws MojoExecutionException, MojoFailureException {
    int articles = articleFiles();
    JvmChoice choice = JvmChoice.of(articles, Runtime.getRuntime().availableProcessors(), physicalMemory());
    Properties request = ForkedBuild.request(site.toPath().toAbsolutePath(), output.toPath().toAbsolutePath(),
        folder(cache).toPath().toAbsolutePath(), threads, givenSettings());
    List<Problem> problems = new ArrayList<>();
    String[] summary = {null};
    forked(ForkedBuild.class, choice, articles + " content files", request, f -> {
      switch (f.get(0)) {
        case "problem" -> problems.add(ForkProtocol.problem(f.subList(1, f.size())));
        case "summary" -> summary[0] = f.get(1);
        default -> getLog().debug("Warta: an answer this goal does not know: " + f);
      }
    });
    if (summary[0] == null) {
      throw failure(problems);
    }
    problems.forEach(p -> getLog().warn(where(p)));
    getLog().info("Warta: " + summary[0]);
    getLog().info("Warta: site written to " + new File(output, "index.html").getPath());
  }

  /** The number of files in the site's content folder: the archive's size, for the JVM's heap. */
  private int articleFiles() {
    Path content = site.toPath().resolve("content");
    if (!Files.isDirectory(content)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(content)) {
      return (int) files.filter(Files::isRegularFile).count();
    } catch (IOException | UncheckedIOException e) {
      // the build itself will report what is wrong with the folder
      return 0;
    }
  }
}
