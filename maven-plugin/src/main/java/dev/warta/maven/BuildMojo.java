package dev.warta.maven;

import dev.warta.BuildException;
import dev.warta.BuildListener;
import dev.warta.BuildResult;
import dev.warta.shared.Problem;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
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
public class BuildMojo extends AbstractWartaMojo {

  /**
   * The output folder, which each build makes hold exactly the new site. The default is a folder of its own inside the
   * Maven site's output, so {@code mvn site} publishes the archive at {@code target/site/warta/}.
   * Warta marks the folder with a {@code .warta-output} file and refuses a non-empty folder without
   * it: never point this at {@code target/site} itself.
   */
  @Parameter(property = "warta.output", defaultValue = "${project.build.directory}/site/warta")
  private File output;

  /**
   * Builds in a JVM of its own, as Surefire runs tests: its compiler, collector and heap are chosen
   * for the archive's size (the first compiler tier alone below 50,000 articles per two cores, the
   * parallel collector, a heap of 256 MiB plus 18 KiB per article file, at most half the machine's
   * memory), and it maps the classes from a class-data-sharing archive that the first build makes
   * (see {@code jvmCache}). {@code false} builds in Maven's own JVM, with whatever options it has.
   */
  @Parameter(property = "warta.fork", defaultValue = "true")
  private boolean fork;

  /**
   * More options for the forked JVM, separated by spaces, e.g. {@code -Xmx4g}; they come after
   * Warta's own choice, so they win over it.
   */
  @Parameter(property = "warta.jvmArgs")
  private String jvmArgs;

  /**
   * Where forked builds keep the class-data-sharing archive of Warta's classes, one file of about
   * 20 MiB per JDK and Warta version; the four last used are kept.
   */
  @Parameter(property = "warta.jvmCache", defaultValue = "${user.home}/.cache/warta")
  private File jvmCache;

  /** The plugin's own description, for the class path of the forked JVM. */
  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  private PluginDescriptor plugin;

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

  /** Builds in a forked JVM; see {@link ForkedBuild} for what passes between the two. */
  private void forked(File output) throws MojoExecutionException, MojoFailureException {
    List<File> classpath = classpath();
    ClassDataArchive archive = ClassDataArchive.in(folder(jvmCache).toPath().resolve("jvm"), System.getProperty("java.home"),
        System.getProperty("java.vm.version"), classpath);
    int articles = articleFiles();
    JvmChoice choice = JvmChoice.of(articles, Runtime.getRuntime().availableProcessors(), physicalMemory());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(choice.options());
    command.addAll(archive.options());
    if (jvmArgs != null && !jvmArgs.isBlank()) {
      command.addAll(List.of(jvmArgs.strip().split("\\s+")));
    }
    command.add("-cp");
    command.add(String.join(File.pathSeparator, classpath.stream().map(File::getAbsolutePath).toList()));
    command.add(ForkedBuild.class.getName());
    Path request = null;
    Process process = null;
    Thread stop = null;
    try {
      request = Files.createTempFile("warta-build-", ".properties");
      ForkedBuild.write(request, site.toPath().toAbsolutePath(), output.toPath().toAbsolutePath(), folder(cache).toPath().toAbsolutePath(),
          threads, givenSettings());
      command.add(request.toString());
      getLog().debug("Warta: forking " + String.join(" ", command));
      process = new ProcessBuilder(command).start();
      // the child's standard input stays open while this JVM lives: its end tells the child to
      // stop, should this JVM be killed; a JVM that is only asked to end stops it itself
      stop = new Thread(process::destroyForcibly, "warta-fork-stop");
      Runtime.getRuntime().addShutdownHook(stop);
      List<String> errorLines = Collections.synchronizedList(new ArrayList<>());
      Thread errors = relayErrors(process, errorLines);
      List<Problem> problems = new ArrayList<>();
      String summary = relay(process, problems);
      errors.join();
      int status = process.waitFor();
      boolean ended = status == 0 || status == ForkedBuild.PROBLEMS;
      // the build's own outcome is what it reported; a JVM making the class-data archive may still
      // fail after that, in writing the archive, which only the next build's speed depends on
      boolean done = summary != null || (status == ForkedBuild.PROBLEMS || archive.making()) && problems.stream().anyMatch(Problem::isError);
      archive.finish(done, ended);
      if (summary == null && done) {
        throw failure(problems);
      }
      if (!done) {
        if (errorLines.stream().anyMatch(l -> l.contains("java.lang.OutOfMemoryError"))) {
          throw new MojoExecutionException("Warta's forked build ran out of memory with " + choice.heap()
              + ", the heap chosen for " + articles + " content files; give it more with -Dwarta.jvmArgs=-Xmx…"
              + " (or <jvmArgs> in the pom)");
        }
        throw new MojoExecutionException("Warta's forked build failed unexpectedly (exit status " + status + ")"
            + (errorLines.isEmpty() ? "" : ": " + errorLines.get(0)) + "; its error output is in the log above");
      }
      problems.forEach(p -> getLog().warn(where(p)));
      getLog().info("Warta: " + summary);
      getLog().info("Warta: site written to " + new File(output, "index.html").getPath());
    } catch (IOException e) {
      throw new MojoExecutionException("Warta cannot start its forked build: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException("Warta's build was interrupted", e);
    } finally {
      if (process != null) {
        if (process.isAlive()) {
          process.destroyForcibly();
        }
        try {
          process.getOutputStream().close();
        } catch (IOException e) {
          // the child is gone; so is the pipe
        }
      }
      if (stop != null) {
        try {
          Runtime.getRuntime().removeShutdownHook(stop);
        } catch (IllegalStateException e) {
          // this JVM is shutting down, and the hook stops the child
        }
      }
      archive.finish(false, false);
      if (request != null) {
        try {
          Files.deleteIfExists(request);
        } catch (IOException e) {
          getLog().debug("Warta: cannot delete " + request + ": " + e.getMessage());
        }
      }
    }
  }

  /**
   * Reads the child's standard output to its end: progress to the log as in-process builds log it,
   * problems into {@code problems}, other lines to the log as they are. Returns the summary line, or
   * null when none came.
   */
  private String relay(Process process, List<Problem> problems) throws IOException {
    BuildListener log = logListener();
    String summary = null;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        List<String> f = ForkedBuild.fields(line);
        switch (f.isEmpty() ? "" : f.get(0)) {
          case "finished" -> log.stageFinished(f.get(1), Integer.parseInt(f.get(2)), Long.parseLong(f.get(3)));
          case "advanced" -> log.stageAdvanced(f.get(1), Integer.parseInt(f.get(2)), Integer.parseInt(f.get(3)), Long.parseLong(f.get(4)));
          case "problem" -> problems.add(ForkedBuild.problem(f.subList(1, f.size())));
          case "summary" -> summary = f.get(1);
          default -> getLog().info(line);
        }
      }
    }
    return summary;
  }

  /** Passes the child's standard error to the log as warnings, line by line, keeping them in {@code lines}. */
  private Thread relayErrors(Process process, List<String> lines) {
    Thread t = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          lines.add(line);
          getLog().warn(line);
        }
      } catch (IOException e) {
        getLog().warn("Warta: cannot read the forked build's error output: " + e.getMessage());
      }
    }, "warta-fork-stderr");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** The plugin's jar and its runtime dependencies: what the forked JVM needs, and no Maven. */
  private List<File> classpath() throws MojoExecutionException {
    List<File> files = new ArrayList<>();
    Artifact self = plugin.getPluginArtifact();
    if (self != null && self.getFile() != null) {
      files.add(self.getFile());
    }
    for (Artifact a : plugin.getArtifacts()) {
      if (a.getFile() != null && !files.contains(a.getFile())) {
        files.add(a.getFile());
      }
    }
    if (files.isEmpty()) {
      throw new MojoExecutionException("Warta cannot fork: Maven gave no class path for the plugin; run with -Dwarta.fork=false");
    }
    return files;
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

  /** The machine's memory in bytes, or 0 when the JVM does not tell. */
  private static long physicalMemory() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getTotalMemorySize();
    }
    return 0;
  }
}
