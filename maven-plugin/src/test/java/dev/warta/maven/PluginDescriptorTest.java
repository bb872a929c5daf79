package dev.warta.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The descriptor Maven reads: the goals users call, each safe in a parallel build, each documented. */
class PluginDescriptorTest {

  @Test
  void goalsAreThreadSafeAndDocumented() throws Exception {
    Document doc;
    try (InputStream in = getClass().getResourceAsStream("/META-INF/maven/plugin.xml")) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      doc = factory.newDocumentBuilder().parse(in);
    }
    assertEquals("warta", doc.getDocumentElement().getElementsByTagName("goalPrefix").item(0).getTextContent());
    NodeList mojos = doc.getElementsByTagName("mojo");
    List<String> goals = new ArrayList<>();
    for (int i = 0; i < mojos.getLength(); i++) {
      Element mojo = (Element) mojos.item(i);
      String goal = text(mojo, "goal");
      goals.add(goal);
      assertEquals("true", text(mojo, "threadSafe"), goal);
      assertTrue(text(mojo, "description").length() > 20, goal);
    }
    assertEquals(List.of("build", "check", "help", "import", "serve"), goals.stream().sorted().toList());
  }

  private static String text(Element mojo, String child) {
    NodeList nodes = mojo.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element e && e.getTagName().equals(child)) {
        return e.getTextContent().trim();
      }
    }
    return "";
  }
}
