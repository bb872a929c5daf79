package dev.warta.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warta.markdown.PlainText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryCacheTest {
  @TempDir Path dir;

  private static final byte[] KEY = {4, 2};
  private static final List<String> PARAGRAPHS = List.of(
      "Harga **beras** medium naik di [pasar induk](https://pasar.example/) pekan ini.",
      "Warga mengungsi ke balai desa sampai air surut.",
      "Kurs rupiah &amp; dolar: `stabil`.");

  @Test
  void aSavedSummaryIsTheOneParsingGivesAndOnlyNewOnesAreMade() throws IOException {
    Path file = dir.resolve("summaries");
    SummaryCache first = SummaryCache.read(file, KEY);
    PARAGRAPHS.forEach(first::plainText);
    assertTrue(first.changed());
    dev.warta.publish.CacheFiles.write(file, first.saved(KEY));

    SummaryCache again = SummaryCache.read(file, KEY);
    for (String p : PARAGRAPHS) {
      assertEquals(PlainText.of(p), again.plainText(p), p);
    }
    assertFalse(again.changed(), "every summary was known");

    SummaryCache edited = SummaryCache.read(file, KEY);
    PARAGRAPHS.subList(1, 3).forEach(edited::plainText);
    assertEquals("Harga beras turun.", edited.plainText("Harga **beras** turun."));
    assertTrue(edited.changed(), "one made, one no longer used");
  }

  @Test
  void anotherKeyOrADamagedFileGivesNothing() throws IOException {
    Path file = dir.resolve("summaries");
    SummaryCache first = SummaryCache.read(file, KEY);
    PARAGRAPHS.forEach(first::plainText);
    dev.warta.publish.CacheFiles.write(file, first.saved(KEY));
    SummaryCache other = SummaryCache.read(file, new byte[] {9});
    PARAGRAPHS.forEach(other::plainText);
    assertTrue(other.changed(), "made again under another key");
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 3));
    SummaryCache damaged = SummaryCache.read(file, KEY);
    assertEquals(PlainText.of(PARAGRAPHS.get(0)), damaged.plainText(PARAGRAPHS.get(0)));
    assertTrue(damaged.changed());
  }
}
