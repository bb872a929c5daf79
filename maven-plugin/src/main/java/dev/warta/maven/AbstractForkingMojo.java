package dev.warta.maven;

import dev.warta.BuildListener;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * A goal whose work runs in a JVM of its own by default, as Surefire runs tests: the JVM a user's
 * {@code mvn} starts has whatever options {@code MAVEN_OPTS} gave it (usually none) and has spent
 * its start-up on Maven, while the forked one gets a compiler, collector and heap chosen for the
 * work ({@link JvmChoice}) and maps Warta's classes from a class-data-sharing archive ({@link
 * ClassDataArchive}). What passes between the two is {@link ForkProtocol}.
 */
abstract class AbstractForkingMojo extends AbstractWartaMojo {

  /**
   * Runs the goal's work in a JVM of its own: its compiler, collector and heap are chosen for the
   * size of the work (for a build: the first compiler tier alone below 50,000 articles per two
   * cores, the parallel collector, a heap of 256 MiB plus 18 KiB per article file, at most half
   * the machine's memory), and it maps the classes from a class-data-sharing archive that the
   * first run makes (see {@code jvmCache}). {@code false} runs in Maven's own JVM, with whatever
   * options it has.
   */
  @Parameter(property = "warta.fork", defaultValue = "true")
  protected boolean fork;

  /**
   * More options for the forked JVM, separated by spaces, e.g. {@code -Xmx4g}; they come after
   * Warta's own choice, so they win over it.
   */
  @Parameter(property = "warta.jvmArgs")
  private String jvmArgs;

  /**
   * Where forked runs keep the class-data-sharing archives of Warta's classes, one file of about
   * 20 MiB per goal, JDK and Warta version; the four last used are kept.
   */
  @Parameter(property = "warta.jvmCache", defaultValue = "${user.home}/.cache/warta")
  private File jvmCache;

  /** The plugin's own description, for the class path of the forked JVM. */
  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  private PluginDescriptor plugin;

  /**
   * Runs {@code main} with {@code request} in a forked JVM with the options {@code choice} holds
   * ({@code sizedFor} says what its heap was sized for, should it run out). Progress lines are
   * logged as an in-process run logs them, lines that are not the protocol's as they are, the
   * child's standard error as warnings; every other protocol line goes to {@code answer}. Returns
   * once the child said its task ended, well or stopped by errors in the input.
   *
   * @throws MojoExecutionException when the child could not start or broke without ending its task
   */
  protected void forked(Class<?> main, JvmChoice choice, String sizedFor, Properties request, Consumer<List<String>> answer)
      throws MojoExecutionException {
    List<File> classpath = classpath();
    ClassDataArchive archive = ClassDataArchive.in(folder(jvmCache).toPath().resolve("jvm"), System.getProperty("java.home"),
        System.getProperty("java.vm.version"), classpath, main.getName());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(choice.options());
    command.addAll(archive.options());
    if (jvmArgs != null && !jvmArgs.isBlank()) {
      command.addAll(List.of(jvmArgs.strip().split("\\s+")));
    }
    command.add("-cp");
    command.add(String.join(File.pathSeparator, classpath.stream().map(File::getAbsolutePath).toList()));
    command.add(main.getName());
    Path requestFile = null;
    Process process = null;
    Thread stop = null;
    try {
      requestFile = Files.createTempFile("warta-", ".properties");
      ForkProtocol.write(requestFile, request);
      command.add(requestFile.toString());
      getLog().debug("Warta: forking " + String.join(" ", command));
      process = new ProcessBuilder(command).start();
      // the child's standard input stays open while this JVM lives: its end tells the child to
      // stop, should this JVM be killed; a JVM that is only asked to end stops it itself
      stop = new Thread(process::destroyForcibly, "warta-fork-stop");
      Runtime.getRuntime().addShutdownHook(stop);
      List<String> errorLines = Collections.synchronizedList(new ArrayList<>());
      Thread errors = relayErrors(process, errorLines);
      boolean done = relay(process, answer);
      errors.join();
      int status = process.waitFor();
      // the task's outcome is what it reported; a JVM making the class-data archive may still fail
      // after that, in writing the archive, which only the next run's speed depends on
      archive.finish(done, status == 0 || status == ForkProtocol.PROBLEMS);
      if (!done) {
        if (errorLines.stream().anyMatch(l -> l.contains("java.lang.OutOfMemoryError"))) {
          throw new MojoExecutionException("Warta's forked JVM ran out of memory with " + choice.heap() + ", the heap chosen for "
              + sizedFor + "; give it more with -Dwarta.jvmArgs=-Xmx… (or <jvmArgs> in the pom)");
        }
        throw new MojoExecutionException("Warta's forked JVM failed unexpectedly (exit status " + status + ")"
            + (errorLines.isEmpty() ? "" : ": " + errorLines.get(0)) + "; its error output is in the log above");
      }
    } catch (IOException e) {
      throw new MojoExecutionException("Warta cannot start its forked JVM: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException("Warta was interrupted", e);
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
      if (requestFile != null) {
        try {
          Files.deleteIfExists(requestFile);
        } catch (IOException e) {
          getLog().debug("Warta: cannot delete " + requestFile + ": " + e.getMessage());
        }
      }
    }
  }

  /**
   * Reads the child's standard output to its end: progress to the log, lines that are not the
   * protocol's to the log as they are, other protocol lines to {@code answer}. Returns whether the
   * child said its task ended.
   */
  private boolean relay(Process process, Consumer<List<String>> answer) throws IOException {
    BuildListener log = logListener();
    boolean done = false;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        List<String> f = ForkProtocol.fields(line);
        switch (f.isEmpty() ? "" : f.get(0)) {
          case "" -> getLog().info(line);
          case "finished" -> log.stageFinished(f.get(1), Integer.parseInt(f.get(2)), Long.parseLong(f.get(3)));
          case "advanced" -> log.stageAdvanced(f.get(1), Integer.parseInt(f.get(2)), Integer.parseInt(f.get(3)), Long.parseLong(f.get(4)));
          case "done" -> done = true;
          default -> answer.accept(f);
        }
      }
    }
    return done;
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
        getLog().warn("Warta: cannot read the forked JVM's error output: " + e.getMessage());
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

  /** The machine's memory in bytes, or 0 when the JVM does not tell. */
  static long physicalMemory() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getTotalMemorySize();
    }
    return 0;
  }
}
