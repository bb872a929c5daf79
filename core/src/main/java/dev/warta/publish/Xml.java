package dev.warta.publish;

import dev.warta.internal.Escape;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An indenting front for the JDK's {@link XMLStreamWriter}, which does the escaping: feeds and
 * sitemaps are never put together from strings.
 *
 * <p>Text is cleaned before it reaches the writer: control characters that XML 1.0 forbids and
 * lone surrogates are dropped, since the writer would pass them through and make the document
 * unreadable for every parser. The JDK's own writer is asked for by name ({@link
 * XMLOutputFactory#newDefaultFactory()}), so another StAX implementation on a user's class path
 * cannot change the bytes.
 */
final class Xml {
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
  private final XMLStreamWriter writer;
  /** Per open element: whether it has child elements, which decides if its end tag goes on a new line. */
  private final Deque<boolean[]> open = new ArrayDeque<>();
  private final int baseDepth;

  private Xml(boolean document, int baseDepth) {
    this.baseDepth = baseDepth;
    try {
      writer = FACTORY.createXMLStreamWriter(bytes, "UTF-8");
      if (document) {
        writer.writeStartDocument("UTF-8", "1.0");
      }
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A new document, after its XML declaration. */
  static Xml document() {
    return new Xml(true, 0);
  }

  /** A fragment written as if {@code depth} elements deep: to measure what an element adds to a document. */
  static Xml fragment(int depth) {
    return new Xml(false, depth);
  }

  /** Starts an element without a namespace prefix. */
  Xml start(String name) {
    return run(() -> {
      indent();
      writer.writeStartElement(name);
    });
  }

  /** Starts a prefixed element of a namespace declared on an ancestor. */
  Xml start(String prefix, String name, String namespace) {
    return run(() -> {
      indent();
      writer.writeStartElement(prefix, name, namespace);
    });
  }

  /** Declares the default namespace on the element just started. */
  Xml defaultNamespace(String uri) {
    return run(() -> writer.writeDefaultNamespace(uri));
  }

  /** Declares a prefixed namespace on the element just started. */
  Xml namespace(String prefix, String uri) {
    return run(() -> writer.writeNamespace(prefix, uri));
  }

  /** An attribute of the element just started. */
  Xml attribute(String name, String value) {
    return run(() -> writer.writeAttribute(name, clean(value)));
  }

  /** The {@code xml:lang} attribute of the element just started. */
  Xml lang(String lang) {
    return run(() -> writer.writeAttribute(XMLConstants.XML_NS_PREFIX, XMLConstants.XML_NS_URI, "lang", clean(lang)));
  }

  /** Text content of the element just started. */
  Xml text(String text) {
    return run(() -> writer.writeCharacters(clean(text)));
  }

  /** Ends the innermost open element. */
  Xml end() {
    return run(() -> {
      boolean[] children = open.pop();
      if (children[0]) {
        writer.writeCharacters("\n" + "  ".repeat(baseDepth + open.size()));
      }
      writer.writeEndElement();
    });
  }

  /** An element holding only text. */
  Xml element(String name, String text) {
    return start(name).text(text).end();
  }

  /** A prefixed element holding only text. */
  Xml element(String prefix, String name, String namespace, String text) {
    return start(prefix, name, namespace).text(text).end();
  }

  /** Closes what is open and returns the bytes, UTF-8, ending with a line break. */
  byte[] finish() {
    run(() -> {
      while (!open.isEmpty()) {
        end();
      }
      if (baseDepth == 0) {
        writer.writeEndDocument();
        writer.writeCharacters("\n");
      }
      writer.flush();
      writer.close();
    });
    return bytes.toByteArray();
  }

  private void indent() throws XMLStreamException {
    if (!open.isEmpty()) {
      open.peek()[0] = true;
    }
    writer.writeCharacters("\n" + "  ".repeat(baseDepth + open.size()));
    open.push(new boolean[] {false});
  }

  private interface Step {
    void run() throws XMLStreamException;
  }

  private Xml run(Step step) {
    try {
      step.run();
    } catch (XMLStreamException e) {
      // the writer writes to memory: a failure here is a bug, not a full disk
      throw new IllegalStateException(e);
    }
    return this;
  }

  /** Text without the characters no XML 1.0 document may hold: forbidden controls and lone surrogates. */
  static String clean(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
      boolean drop = Escape.isControl(c) || (Character.isSurrogate(c) && !pair);
      if (drop && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (!drop && out != null) {
        out.append(c);
        if (pair) {
          out.append(text.charAt(i + 1));
        }
      }
      if (pair) {
        i++;
      }
    }
    return out == null ? text : out.toString();
  }
}
