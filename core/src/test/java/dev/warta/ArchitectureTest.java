package dev.warta;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.FileOutputStream;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The shape of the pipeline, checked on the compiled classes of {@code core} (see the README's
 * "Architecture"): packages form no cycle, each layer uses only the layers below it, only {@code
 * publish} writes files, and only {@code content} reaches an article's file.
 */
class ArchitectureTest {

  /** Core's own classes, without its tests. */
  private static final JavaClasses CORE =
      new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests()).importPackages("dev.warta");

  /** The packages of core, from the bottom up; each may use only those before it. */
  private static final String[][] LAYERS = {
    {"Shared values", "dev.warta.shared.."},
    {"Internal helpers", "dev.warta.internal.."},
    {"Config", "dev.warta.config.."},
    {"Markdown", "dev.warta.markdown.."},
    {"Related", "dev.warta.related.."},
    {"Search", "dev.warta.search.."},
    {"Content", "dev.warta.content.."},
    {"Archive", "dev.warta.archive.."},
    {"Render", "dev.warta.render.."},
    {"Publish", "dev.warta.publish.."},
    {"Import", "dev.warta.imports.."},
    {"Orchestration", "dev.warta.build.."},
    {"Facade", "dev.warta"},
  };

  @Test
  void packagesFormNoCycle() {
    slices().matching("dev.warta.(*)..").should().beFreeOfCycles().check(CORE);
  }

  @Test
  void eachLayerUsesOnlyTheLayersBelowIt() {
    layers().check(CORE);
  }

  private static ArchRule layers() {
    var rule = layeredArchitecture().consideringOnlyDependenciesInLayers();
    for (String[] layer : LAYERS) {
      rule = rule.layer(layer[0]).definedBy(layer[1]);
    }
    for (int i = 0; i < LAYERS.length - 1; i++) {
      String[] above = new String[LAYERS.length - 1 - i];
      for (int j = i + 1; j < LAYERS.length; j++) {
        above[j - i - 1] = LAYERS[j][0];
      }
      rule = rule.whereLayer(LAYERS[i][0]).mayOnlyBeAccessedByLayers(above);
    }
    return rule.whereLayer("Facade").mayNotBeAccessedByAnyLayer();
  }

  /** The JDK methods that create, change or delete a file or folder. */
  private static final Set<String> FILE_WRITERS = Set.of(
      "write", "writeString", "newOutputStream", "newBufferedWriter", "createDirectories", "createDirectory",
      "createFile", "createTempFile", "createTempDirectory", "createLink", "createSymbolicLink", "move", "copy",
      "delete", "deleteIfExists", "setLastModifiedTime", "setAttribute", "setPosixFilePermissions");

  /**
   * The importer is the other writer, and writes elsewhere: the site folder a WordPress export is
   * turned into, never a build's output or cache. It is a separate entry, not a stage of a build.
   */
  @Test
  void onlyPublishWritesFiles() {
    noClasses()
          .that().resideOutsideOfPackages("dev.warta.publish..", "dev.warta.imports..")
          .should().callMethodWhere(describe("a java.nio.file.Files method that writes",
              (JavaAccess<?> call) -> call.getTargetOwner().isEquivalentTo(Files.class)
                  && FILE_WRITERS.contains(call.getName())))
          .orShould().callConstructor(FileOutputStream.class, String.class)
          .orShould().callConstructor(FileOutputStream.class, java.io.File.class)
          .orShould().callConstructor(RandomAccessFile.class, java.io.File.class, String.class)
          .orShould().callConstructor(RandomAccessFile.class, String.class, String.class)
          .orShould().callMethodWhere(describe("FileChannel.open",
              (JavaAccess<?> call) -> call.getTargetOwner().isEquivalentTo(FileChannel.class)
                  && call.getName().equals("open")))
          .because("publish is the one writer of the output and the cache (and the importer of the site"
              + " folder it makes): a failed build never leaves a half-written site, and nothing is written"
              + " outside the folders Warta owns")
          .check(CORE);
  }

  /**
   * An article's file is reached through {@code Article.file()}; outside {@code content} it is not,
   * so no later stage reads an article again: rendering takes the body the load kept ({@code
   * content.Bodies}).
   */
  @Test
  void onlyContentReadsArticleFiles() {
    noClasses()
          .that().resideOutsideOfPackage("dev.warta.content..")
          .should().callMethodWhere(describe("Article.file()",
              (JavaAccess<?> call) -> call.getTargetOwner().getName().equals("dev.warta.content.Article") && call.getName().equals("file")))
          .because("an article is read once, by content, and flows on as a value")
          .check(CORE);
  }
}
