package dev.warta.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchiveTest {

  /** What the JVMs of these tests run: one line on standard output. */
  public static final class Hello {
    public static void main(String[] args) {
      System.out.println("hello");
    }
  }

  private static final String HOME = System.getProperty("java.home");

  @Test
  void anotherJarOrJvmMakesAnotherArchive(@TempDir Path dir) throws Exception {
    Path jar = Files.writeString(dir.resolve("a.jar"), "one");
    List<File> cp = List.of(jar.toFile());
    Path a = ClassDataArchive.in(dir, HOME, "17.0.1", cp, "dev.warta.maven.ForkedBuild").file();
    assertEquals(a, ClassDataArchive.in(dir, HOME, "17.0.1", cp, "dev.warta.maven.ForkedBuild").file());
    assertNotEquals(a, ClassDataArchive.in(dir, HOME, "17.0.2", cp, "dev.warta.maven.ForkedBuild").file());
    assertNotEquals(a, ClassDataArchive.in(dir, HOME, "17.0.1", cp, "dev.warta.maven.ForkedImport").file(), "another task, other classes");
    Files.writeString(jar, "one more");
    assertNotEquals(a, ClassDataArchive.in(dir, HOME, "17.0.1", cp, "dev.warta.maven.ForkedBuild").file(), "a rebuilt jar");
  }

  @Test
  void theFirstRunMakesTheArchiveTheNextUsesItAndABrokenOneIsIgnored(@TempDir Path dir) throws Exception {
    List<File> cp = List.of(helloJar(dir).toFile());
    ClassDataArchive first = ClassDataArchive.in(dir.resolve("jvm"), HOME, System.getProperty("java.vm.version"), cp, "dev.warta.maven.ForkedBuild");
    List<String> making = first.options();
    assertTrue(making.get(making.size() - 1).startsWith("-XX:ArchiveClassesAtExit="), making.toString());
    assertEquals("hello\n", run(making, cp));
    first.finish(true, true);
    assertTrue(Files.size(first.file()) > 0, "the archive is in place");
    try (var files = Files.list(dir.resolve("jvm"))) {
      // the jar is outside this folder
      assertEquals(List.of(first.file()), files.toList(), "and nothing else");
    }

    ClassDataArchive second = ClassDataArchive.in(dir.resolve("jvm"), HOME, System.getProperty("java.vm.version"), cp, "dev.warta.maven.ForkedBuild");
    assertEquals(List.of(ClassDataArchive.QUIET, "-XX:SharedArchiveFile=" + first.file()), second.options());
    assertEquals("hello\n", run(second.options(), cp));

    // an archive the JVM cannot use: the program runs as without one, and says nothing of it
    first.file().toFile().setWritable(true);
    Files.writeString(first.file(), "not an archive");
    assertEquals("hello\n", run(second.options(), cp));
  }

  @Test
  void anArchiveOfAFailedRunIsThrownAway(@TempDir Path dir) throws Exception {
    ClassDataArchive a = ClassDataArchive.in(dir, HOME, "17", List.of(), "dev.warta.maven.ForkedBuild");
    String option = a.options().get(1);
    Files.writeString(Path.of(option.substring(option.indexOf('=') + 1)), "half");
    a.finish(false, false);
    assertFalse(Files.exists(a.file()));
    try (var files = Files.list(dir)) {
      assertEquals(0, files.count());
    }
  }

  @Test
  void aClassPathWithAFolderGetsNoArchive(@TempDir Path dir) throws Exception {
    // the JVM archives nothing from a folder, and asked to, fails as it exits
    List<File> cp = List.of(new File(Hello.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    assertEquals(List.of(), ClassDataArchive.in(dir, HOME, "17", cp, "dev.warta.maven.ForkedBuild").options());
  }

  @Test
  void aJvmThatFailedOnlyInMakingTheArchiveMakesLaterBuildsRunWithout(@TempDir Path dir) throws Exception {
    List<File> cp = List.of(helloJar(dir).toFile());
    ClassDataArchive a = ClassDataArchive.in(dir.resolve("jvm"), HOME, "17", cp, "dev.warta.maven.ForkedBuild");
    assertEquals(2, a.options().size());
    a.finish(true, false);
    assertEquals(List.of(), ClassDataArchive.in(dir.resolve("jvm"), HOME, "17", cp, "dev.warta.maven.ForkedBuild").options());
  }

  @Test
  void aFolderKeepsTheArchivesLastUsed(@TempDir Path dir) throws Exception {
    for (int i = 0; i < 6; i++) {
      Path a = Files.writeString(dir.resolve("warta-" + i + "0.jsa"), "archive " + i);
      Files.setLastModifiedTime(a, java.nio.file.attribute.FileTime.fromMillis(1_000_000L * (i == 1 ? 10 : i)));
    }
    Files.writeString(dir.resolve("notes.txt"), "not an archive");
    ClassDataArchive.prune(dir);
    try (var files = Files.list(dir)) {
      assertEquals(List.of("notes.txt", "warta-10.jsa", "warta-30.jsa", "warta-40.jsa", "warta-50.jsa"),
          files.map(f -> f.getFileName().toString()).sorted().toList());
    }
  }

  /** A jar holding only {@link Hello}. */
  private static Path helloJar(Path dir) throws Exception {
    Path jar = dir.resolve("hello.jar");
    String name = Hello.class.getName().replace('.', '/') + ".class";
    try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
        var in = Hello.class.getClassLoader().getResourceAsStream(name)) {
      out.putNextEntry(new java.util.jar.JarEntry(name));
      in.transferTo(out);
      out.closeEntry();
    }
    return jar;
  }

  /** Runs {@link Hello} with {@code options}; its standard output, after checking it said nothing on standard error. */
  private static String run(List<String> options, List<File> cp) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(HOME, "bin", "java").toString()));
    command.addAll(options);
    command.addAll(List.of("-cp", cp.get(0).getPath(), Hello.class.getName()));
    Process p = new ProcessBuilder(command).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), err);
    assertEquals("", err);
    return out;
  }
}
