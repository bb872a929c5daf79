package dev.warta.imports;

import dev.warta.shared.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams a WordPress export (WXR 1.0–1.2), one {@code <item>} at a time, so that an export of
 * several gigabytes is read in the memory of one post.
 *
 * <p>Namespaces are matched by what they are, not by one spelling: WordPress.com writes the
 * {@code wp} namespace as {@code https://wordpress.org/export/1.2/}, self-hosted WordPress as
 * {@code http://…}, older versions as {@code …/1.0/} or {@code …/1.1/}. A {@code wp} prefix bound
 * to anything else is an error, as is a document type declaration: WordPress writes none, and
 * refusing it keeps out external entities and entity expansion ("billion laughs").
 */
final class Wxr {
  private static final Pattern WP = Pattern.compile("https?://(www\\.)?wordpress\\.(org|com)/export/\\d+\\.\\d+/?");
  private static final Pattern EXCERPT = Pattern.compile("https?://(www\\.)?wordpress\\.(org|com)/export/\\d+\\.\\d+/excerpt/?");
  private static final Pattern CONTENT = Pattern.compile("https?://purl\\.org/rss/1\\.0/modules/content/?");
  private static final Pattern DC = Pattern.compile("https?://purl\\.org/dc/elements/1\\.1/?");

  private Wxr() {}

  /** One category or tag of a post: {@code domain} is {@code category}, {@code post_tag}, {@code language} … */
  record Term(String domain, String nicename, String name) {}

  /** An author of the export: login and display name. */
  record Author(String login, String displayName) {}

  /**
   * One {@code <item>}, with the fields the importer reads; missing text is empty.
   *
   * @param line where the item starts in its file
   * @param meta post meta keys and values, in order (later duplicates win)
   */
  record Item(
      Path file, String fileName, int line, String title, String link, String creator, String content, String excerpt, long id,
      String postDate, String postDateGmt, String modified, String modifiedGmt, String status, String type, String name,
      String attachmentUrl, long parent, List<Term> terms, Map<String, String> meta) {}

  /** What the reader hands over, in document order. */
  interface Sink {
    /** A field of the channel: {@code title}, {@code link}, {@code language}, {@code base_site_url}, {@code base_blog_url}. */
    void channel(String field, String value);

    void author(Author author);

    void item(Item item);
  }

  private static final XMLInputFactory FACTORY = factory();

  private static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    return f;
  }

  /** Which of the export's vocabularies an element belongs to. */
  private enum Ns { RSS, WP, EXCERPT, CONTENT, DC, OTHER }

  /** Namespaces seen, by URI: an export names a handful, on every element. */
  private static final java.util.concurrent.ConcurrentHashMap<String, Ns> KNOWN = new java.util.concurrent.ConcurrentHashMap<>();

  private static Ns ns(String uri) {
    if (uri == null || uri.isEmpty()) {
      return Ns.RSS;
    }
    Ns known = KNOWN.get(uri);
    if (known != null) {
      return known;
    }
    Ns ns = classify(uri);
    if (KNOWN.size() < 64) {
      KNOWN.put(uri, ns);
    }
    return ns;
  }

  private static Ns classify(String uri) {
    if (WP.matcher(uri).matches()) {
      return Ns.WP;
    }
    if (EXCERPT.matcher(uri).matches()) {
      return Ns.EXCERPT;
    }
    if (CONTENT.matcher(uri).matches()) {
      return Ns.CONTENT;
    }
    if (DC.matcher(uri).matches()) {
      return Ns.DC;
    }
    return Ns.OTHER;
  }

  /**
   * Reads one export, handing each part to {@code sink}.
   *
   * @param name the file as reports show it
   * @throws ImportException with the file and line when the export cannot be read
   */
  static void read(Path file, String name, Sink sink) {
    try (InputStream in = Files.newInputStream(file)) {
      XMLStreamReader xml = FACTORY.createXMLStreamReader(in);
      try {
        new Reading(file, name, xml, sink).document();
      } finally {
        xml.close();
      }
    } catch (XMLStreamException e) {
      Location at = e.getLocation();
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      // the JDK prefixes "ParseError at [row,col]:[r,c]\nMessage: "; the position is given apart
      int cut = message.indexOf("Message: ");
      if (cut >= 0) {
        message = message.substring(cut + "Message: ".length());
      }
      throw new ImportException(List.of(Problem.error(name, at == null ? 0 : Math.max(0, at.getLineNumber()),
          at == null ? 0 : Math.max(0, at.getColumnNumber()), "the export is not well-formed XML: " + message.strip())));
    } catch (IOException e) {
      throw new ImportException(List.of(Problem.error(name, 0, 0, "cannot read the export: " + e)));
    }
  }

  /** The state of reading one file. */
  private static final class Reading {
    private final Path file;
    private final String name;
    private final XMLStreamReader xml;
    private final Sink sink;
    private boolean channel;
    private boolean wordpress;

    Reading(Path file, String name, XMLStreamReader xml, Sink sink) {
      this.file = file;
      this.name = name;
      this.xml = xml;
      this.sink = sink;
    }

    private ImportException fail(String message) {
      Location at = xml.getLocation();
      return new ImportException(List.of(Problem.error(name, Math.max(0, at.getLineNumber()), Math.max(0, at.getColumnNumber()), message)));
    }

    void document() throws XMLStreamException {
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.DTD) {
          throw fail("the export declares a document type (<!DOCTYPE …>); WordPress writes none, and its entities are refused so"
              + " that they cannot read local files or expand without bound; remove the declaration");
        }
        if (event == XMLStreamConstants.START_ELEMENT) {
          if (!xml.getLocalName().equals("rss")) {
            throw fail("the root element is <" + xml.getLocalName() + ">, not <rss>: this is not a WordPress export (WXR); export it"
                + " again with Tools → Export in WordPress, or 'wp export'");
          }
          checkPrefixes();
          rss();
        }
      }
      if (!channel) {
        throw fail("the export has no <channel>: a WordPress export holds one <channel> with the site's posts inside <rss>");
      }
      if (!wordpress) {
        throw fail("the export has no element of WordPress's namespace (such as <wp:wxr_version>); it is an RSS feed, not a"
            + " WordPress export (WXR): export it with Tools → Export in WordPress, or 'wp export'");
      }
    }

    /** A well-known prefix bound to an unknown namespace means the elements would be silently ignored: refuse it. */
    private void checkPrefixes() {
      for (int i = 0; i < xml.getNamespaceCount(); i++) {
        String prefix = xml.getNamespacePrefix(i);
        String uri = xml.getNamespaceURI(i);
        if (prefix == null) {
          continue;
        }
        Ns expected = switch (prefix) {
          case "wp" -> Ns.WP;
          case "excerpt" -> Ns.EXCERPT;
          case "content" -> Ns.CONTENT;
          case "dc" -> Ns.DC;
          default -> Ns.OTHER;
        };
        if (expected != Ns.OTHER && ns(uri) != expected) {
          throw fail("the prefix '" + prefix + "' is bound to the unknown namespace '" + uri + "'; a WordPress export binds it to "
              + switch (expected) {
                case WP -> "http(s)://wordpress.org/export/1.2/ (or 1.0, 1.1)";
                case EXCERPT -> "http(s)://wordpress.org/export/1.2/excerpt/";
                case CONTENT -> "http://purl.org/rss/1.0/modules/content/";
                default -> "http://purl.org/dc/elements/1.1/";
              });
        }
      }
    }

    private void rss() throws XMLStreamException {
      int depth = 1;
      while (depth > 0) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          if (depth == 1 && xml.getLocalName().equals("channel") && ns(xml.getNamespaceURI()) == Ns.RSS) {
            channel = true;
            channel();
          } else {
            skip();
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          depth--;
        }
      }
    }

    private void channel() throws XMLStreamException {
      while (true) {
        int event = xml.next();
        if (event == XMLStreamConstants.END_ELEMENT) {
          return;
        }
        if (event != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        Ns ns = ns(xml.getNamespaceURI());
        String local = xml.getLocalName();
        if (ns == Ns.WP) {
          wordpress = true;
        }
        if (ns == Ns.RSS && local.equals("item")) {
          item();
        } else if ((ns == Ns.RSS && (local.equals("title") || local.equals("link") || local.equals("language"))) || (ns == Ns.WP && (local.equals("base_site_url") || local.equals("base_blog_url")))) {
          sink.channel(local, text());
        } else if (ns == Ns.WP && local.equals("author")) {
          Map<String, String> fields = fields();
          sink.author(new Author(fields.getOrDefault("author_login", ""), fields.getOrDefault("author_display_name", "")));
        } else {
          skip();
        }
      }
    }

    private void item() throws XMLStreamException {
      int line = Math.max(0, xml.getLocation().getLineNumber());
      String title = "";
      String link = "";
      String creator = "";
      String content = "";
      String excerpt = "";
      String guid = "";
      Map<String, String> wp = new LinkedHashMap<>();
      List<Term> terms = new ArrayList<>();
      Map<String, String> meta = new LinkedHashMap<>();
      while (true) {
        int event = xml.next();
        if (event == XMLStreamConstants.END_ELEMENT) {
          break;
        }
        if (event != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        Ns ns = ns(xml.getNamespaceURI());
        String local = xml.getLocalName();
        switch (ns) {
          case RSS -> {
            switch (local) {
              case "title" -> title = text();
              case "link" -> link = text().strip();
              case "guid" -> guid = text().strip();
              case "category" -> {
                String domain = attribute("domain");
                String nicename = attribute("nicename");
                terms.add(new Term(domain, nicename, text().strip()));
              }
              default -> skip();
            }
          }
          case DC -> {
            if (local.equals("creator")) {
              creator = text().strip();
            } else {
              skip();
            }
          }
          case CONTENT -> {
            if (local.equals("encoded")) {
              content = text();
            } else {
              skip();
            }
          }
          case EXCERPT -> {
            if (local.equals("encoded")) {
              excerpt = text();
            } else {
              skip();
            }
          }
          case WP -> {
            wordpress = true;
            if (local.equals("postmeta")) {
              Map<String, String> m = fields();
              meta.put(m.getOrDefault("meta_key", ""), m.getOrDefault("meta_value", ""));
            } else if (local.equals("comment")) {
              skip();
            } else {
              wp.put(local, text().strip());
            }
          }
          default -> skip();
        }
      }
      // WordPress writes <wp:post_id> for every item; hand-made exports (such as WordPress's own theme
      // preview data) sometimes leave it out, when the ?p=ID of the link or guid still says it
      String itemLink = link;
      String itemGuid = guid;
      long id = number(wp.getOrDefault("post_id", "")).or(() -> queryId(itemLink)).or(() -> queryId(itemGuid)).orElse(0L);
      long parent;
      try {
        parent = Long.parseLong(wp.getOrDefault("post_parent", "0"));
      } catch (NumberFormatException e) {
        parent = 0;
      }
      sink.item(new Item(file, name, line, title, link, creator, content, excerpt, id, wp.getOrDefault("post_date", ""),
          wp.getOrDefault("post_date_gmt", ""), wp.getOrDefault("post_modified", ""), wp.getOrDefault("post_modified_gmt", ""),
          wp.getOrDefault("status", ""), wp.getOrDefault("post_type", ""), wp.getOrDefault("post_name", ""),
          wp.getOrDefault("attachment_url", ""), parent, terms, meta));
    }

    private static java.util.Optional<Long> number(String text) {
      try {
        return java.util.Optional.of(Long.parseLong(text.strip()));
      } catch (NumberFormatException e) {
        return java.util.Optional.empty();
      }
    }

    private static final Pattern QUERY_ID = Pattern.compile("[?&](?:p|page_id|attachment_id)=(\\d+)");

    private static java.util.Optional<Long> queryId(String url) {
      java.util.regex.Matcher m = QUERY_ID.matcher(url);
      return m.find() ? number(m.group(1)) : java.util.Optional.empty();
    }

    private String attribute(String local) {
      for (int i = 0; i < xml.getAttributeCount(); i++) {
        if (xml.getAttributeLocalName(i).equals(local)) {
          return xml.getAttributeValue(i);
        }
      }
      return "";
    }

    /** The children of the current element as local name → text (postmeta, author). */
    private Map<String, String> fields() throws XMLStreamException {
      Map<String, String> out = new LinkedHashMap<>();
      while (true) {
        int event = xml.next();
        if (event == XMLStreamConstants.END_ELEMENT) {
          return out;
        }
        if (event == XMLStreamConstants.START_ELEMENT) {
          String local = xml.getLocalName();
          out.put(local, text());
        }
      }
    }

    /** The text inside the current element, with the text of any elements nested in it; ends on its end tag. */
    private String text() throws XMLStreamException {
      StringBuilder out = new StringBuilder();
      int depth = 1;
      while (depth > 0) {
        int event = xml.next();
        switch (event) {
          case XMLStreamConstants.START_ELEMENT -> depth++;
          case XMLStreamConstants.END_ELEMENT -> depth--;
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> out.append(xml.getText());
          case XMLStreamConstants.ENTITY_REFERENCE -> throw unknownEntity();
          default -> {
            // comments and processing instructions hold no text
          }
        }
      }
      return out.toString();
    }

    private ImportException unknownEntity() {
      return fail("the entity '&" + xml.getLocalName() + ";' is not one of XML's own"
          + " (&amp; &lt; &gt; &quot; &apos;); write the character itself or a numeric reference such as &#233;");
    }

    /** Reads past the current element, keeping none of its text. */
    private void skip() throws XMLStreamException {
      int depth = 1;
      while (depth > 0) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          depth++;
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          depth--;
        } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
          throw unknownEntity();
        }
      }
    }
  }
}
