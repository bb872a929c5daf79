package dev.warta.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Real parsers over a whole output folder, and the checks every hostile-input test shares. */
final class Outputs {
  private Outputs() {}

  /** Attributes that hold a URL a browser may load or follow. */
  private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "xlink:href", "poster", "srcset", "data", "background", "cite");
  /** Elements no input may bring into a page (the theme writes none of them). */
  private static final Set<String> FORBIDDEN = Set.of("iframe", "object", "embed", "svg", "math", "style", "base", "form", "frame", "frameset", "applet", "x-evil");

  /** Every file of an output folder, by its path relative to the folder, sorted. */
  static List<Path> files(Path output) {
    try {
      // the output is a link to the current release: read what it leads to
      Path root = output.toRealPath();
      try (Stream<Path> walk = Files.walk(root)) {
        return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every file of a folder with the SHA-256 of its bytes, for byte-for-byte comparison. */
  static Map<String, String> snapshot(Path root) {
    Map<String, String> out = new TreeMap<>();
    for (Path p : files(root)) {
      try {
        out.put(p.toString().replace('\\', '/'), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(root.resolve(p)))));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (NoSuchAlgorithmException e) {
        throw new AssertionError(e);
      }
    }
    return out;
  }

  /** Whether a URL, as a browser reads it (control characters and blanks dropped), runs code. */
  static boolean runsCode(String url) {
    StringBuilder compact = new StringBuilder();
    url.codePoints().filter(c -> c > 0x20 && !(c >= 0x7f && c <= 0x9f)).forEach(compact::appendCodePoint);
    String u = compact.toString().toLowerCase(Locale.ROOT);
    return u.startsWith("javascript:") || u.startsWith("vbscript:") || u.startsWith("data:") || u.startsWith("livescript:");
  }

  /** The theme's search box or search page form: a GET to a search page, nothing else. */
  static boolean isSearchForm(Element e) {
    String action = e.attr("action");
    return e.normalName().equals("form") && e.attr("role").equals("search") && e.attr("method").equals("get")
        && (action.endsWith("search/") || action.endsWith("search/index.html")) && !runsCode(action);
  }

  /** The theme's search client: an external script of the site, with no inline code. */
  static boolean isSearchClient(Element e) {
    return e.normalName().equals("script") && e.attr("src").endsWith("search/search.js") && e.data().isEmpty()
        && e.parent() != null && e.parent().normalName().equals("head") && !runsCode(e.attr("src"));
  }

  /** An HTML page carries no element, attribute or URL that input smuggled in; returns it parsed. */
  static Document assertHarmlessHtml(String name, String html) {
    Document doc = Jsoup.parse(html, "https://news.example.org/");
    for (Element e : doc.getAllElements()) {
      String where = name + ": <" + e.tagName() + ">";
      assertFalse(FORBIDDEN.contains(e.normalName()) && !isSearchForm(e), where);
      if (e.normalName().equals("script") && !isSearchClient(e)) {
        assertEquals("application/ld+json", e.attr("type"), where);
        assertFalse(e.data().contains("<"), where + " JSON-LD never holds '<' (no </script> or <!-- can end it)");
        JsonNode json = json(e.data());
        assertTrue(json.isObject() || json.isArray(), where);
      }
      for (Attribute a : e.attributes()) {
        String key = a.getKey().toLowerCase(Locale.ROOT);
        assertFalse(key.startsWith("on"), where + " has an event handler " + key);
        if (URL_ATTRIBUTES.contains(key)) {
          assertFalse(runsCode(a.getValue()), where + " " + key + "=" + a.getValue());
        }
      }
      if (e.normalName().equals("meta") && e.attr("http-equiv").equalsIgnoreCase("refresh")) {
        String content = e.attr("content");
        assertFalse(runsCode(content.substring(content.toLowerCase(Locale.ROOT).indexOf("url=") + 4)), where + " " + content);
      }
    }
    return doc;
  }

  static JsonNode json(String text) {
    try {
      return new ObjectMapper().readTree(text);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + e.getMessage() + "\n" + text, e);
    }
  }

  /** Parses XML as a careful consumer does: no DOCTYPE, no external entities; a parse error fails. */
  static org.w3c.dom.Document xml(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setExpandEntityReferences(false);
      return factory.newDocumentBuilder().parse(in);
    } catch (Exception e) {
      throw new AssertionError(file + " is not well-formed XML: " + e.getMessage(), e);
    }
  }

  /** Every element of an XML document whose attribute or text is a URL that runs code. */
  static void assertHarmlessXml(String name, org.w3c.dom.Document doc) {
    org.w3c.dom.NodeList all = doc.getElementsByTagName("*");
    for (int i = 0; i < all.getLength(); i++) {
      org.w3c.dom.Element e = (org.w3c.dom.Element) all.item(i);
      String local = e.getLocalName();
      if (Set.of("link", "loc", "url", "guid", "id", "comments", "enclosure", "content").contains(local)) {
        assertFalse(runsCode(e.getAttribute("href")), name + " <" + local + " href>");
        assertFalse(runsCode(e.getAttribute("url")), name + " <" + local + " url>");
        if (!local.equals("content")) {
          assertFalse(runsCode(e.getTextContent().strip()), name + " <" + local + ">");
        }
      }
    }
  }

  /** The text of a file. */
  static String text(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
