package dev.warta.internal;

import dev.warta.shared.Problem;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads YAML as a tree of nodes with positions, safely.
 *
 * <p>YAML is only composed into nodes, never constructed into objects, so type tags such as {@code
 * !!javax.script.ScriptEngineManager} cannot instantiate anything: they are reported as errors.
 * {@link LoaderOptions} bound aliases, nesting and size, so that a "billion laughs" document or a
 * 50 MB front matter is an error instead of a hang. Every error carries the file, and the line and
 * column in that file ({@code lineOffset} is added to SnakeYAML's 0-based marks).
 */
public final class YamlReader {
  /** Largest YAML text read, in code points; a front matter is a few hundred bytes. */
  public static final int MAX_CODE_POINTS = 1_000_000;

  private static final int MAX_ALIASES = 50;
  private static final int MAX_DEPTH = 40;
  /** Bounds the nodes visited when turning a tree into values, so shared aliases cannot explode. */
  private static final int MAX_VALUES = 20_000;

  /**
   * One composer set-up per thread, built once: a {@link Yaml} is not thread-safe, and building
   * one (its constructor, resolver and options) for every front matter cost a third of reading it.
   */
  private static final ThreadLocal<Yaml> YAML = ThreadLocal.withInitial(YamlReader::newYaml);

  private final String file;
  private final int lineOffset;
  private final List<Problem> problems;

  /**
   * A reader for one YAML text.
   *
   * @param file the file, relative to the site, for problems
   * @param lineOffset the number of lines in the file before the YAML text
   * @param problems where errors go
   */
  public YamlReader(String file, int lineOffset, List<Problem> problems) {
    this.file = file;
    this.lineOffset = lineOffset;
    this.problems = problems;
  }

  /**
   * Composes a YAML text whose top level must be a mapping. An empty text is an empty mapping.
   *
   * @return the mapping, or empty after reporting an error
   */
  public Optional<MappingNode> readMapping(String yaml) {
    if (yaml.codePointCount(0, yaml.length()) > MAX_CODE_POINTS) {
      error(1 - lineOffset, 1, "the YAML is larger than " + MAX_CODE_POINTS + " characters; keep front matter and settings short and move long text to the body");
      return Optional.empty();
    }
    Node root;
    try {
      root = YAML.get().compose(new StringReader(yaml));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
      if (what.startsWith("Global tag is not allowed: ")) {
        error(mark, "type tag " + what.substring("Global tag is not allowed: ".length()) + " is not allowed: Warta reads plain values only; remove the tag");
        return Optional.empty();
      }
      String context = e.getContext() != null ? " (" + e.getContext() + ")" : "";
      error(mark, "malformed YAML: " + what + context + "; check indentation, and quote values that contain ': ' or start with '@', '`', '[' or '{'");
      return Optional.empty();
    } catch (YAMLException e) {
      String message = e.getMessage() == null ? "" : e.getMessage();
      Optional<Mark> where = Optional.empty();
      if (message.startsWith("Number of aliases")) {
        message = "the YAML repeats more than " + MAX_ALIASES + " aliases (*name), as a 'billion laughs' attack does; write the values out";
        where = refusedAt(yaml, true);
      } else if (message.startsWith("Nesting Depth exceeded")) {
        message = "the YAML is nested more than " + MAX_DEPTH + " levels deep; flatten it";
        where = refusedAt(yaml, false);
      } else if (message.contains("code point")) {
        message = "the YAML is larger than " + MAX_CODE_POINTS + " characters; keep front matter and settings short";
      } else {
        message = "malformed YAML: " + message;
      }
      if (where.isPresent()) {
        error(where.get(), message);
      } else {
        error(0, 0, message);
      }
      return Optional.empty();
    } catch (StackOverflowError e) {
      error(0, 0, "the YAML is nested too deeply");
      return Optional.empty();
    }
    if (root == null) {
      return Optional.of(new MappingNode(Tag.MAP, new ArrayList<>(), org.yaml.snakeyaml.DumperOptions.FlowStyle.BLOCK));
    }
    if (!(root instanceof MappingNode mapping)) {
      error(root, "expected 'key: value' lines, found " + describe(root));
      return Optional.empty();
    }
    return Optional.of(mapping);
  }

  /**
   * Where SnakeYAML's composer stopped on a limit it reports without a position: the alias that
   * went past {@link #MAX_ALIASES} aliases of collections, or the collection that went past {@link
   * #MAX_DEPTH} levels. The text is read again as parser events, which neither expand aliases nor
   * recurse, so this second reading is as cheap and as safe as the first was.
   */
  private static Optional<Mark> refusedAt(String yaml, boolean aliases) {
    Set<String> collections = new HashSet<>();
    int collectionAliases = 0;
    int depth = 0;
    try {
      for (Event event : YAML.get().parse(new StringReader(yaml))) {
        if (event instanceof CollectionStartEvent start) {
          if (start.getAnchor() != null) {
            collections.add(start.getAnchor());
          }
          if (!aliases && ++depth > MAX_DEPTH) {
            return Optional.of(event.getStartMark());
          }
        } else if (event instanceof CollectionEndEvent) {
          depth--;
        } else if (aliases && event instanceof AliasEvent alias && collections.contains(alias.getAnchor())
            && ++collectionAliases > MAX_ALIASES) {
          return Optional.of(event.getStartMark());
        }
      }
    } catch (YAMLException e) {
      // the composer read this far already: nothing else to find here
    }
    return Optional.empty();
  }

  private static Yaml newYaml() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(MAX_CODE_POINTS + 1);
    options.setAllowDuplicateKeys(true); // reported by us, with both positions
    options.setProcessComments(false);
    return new Yaml(new SafeConstructor(options));
  }

  /** The entries of a mapping by key text, reporting non-text and duplicate keys. */
  public Map<String, NodeTuple> entries(MappingNode mapping) {
    Map<String, NodeTuple> entries = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node key = tuple.getKeyNode();
      if (!(key instanceof ScalarNode scalar) || !isPlainType(scalar)) {
        error(key, "a key must be plain text, found " + describe(key));
        continue;
      }
      NodeTuple previous = entries.putIfAbsent(scalar.getValue(), tuple);
      if (previous != null) {
        error(key, "'" + scalar.getValue() + "' is set twice (first on line " + line(previous.getKeyNode()) + "); keep one");
      }
    }
    return entries;
  }

  /** A text value: a string, number or boolean scalar, or a date-time as written. */
  public Optional<String> string(Node node, String name) {
    if (node instanceof ScalarNode scalar && isPlainType(scalar)) {
      if (scalar.getTag().equals(Tag.NULL)) {
        return Optional.empty();
      }
      return Optional.of(scalar.getValue());
    }
    error(node, "'" + name + "' must be text, found " + describe(node));
    return Optional.empty();
  }

  /** A list of texts; a single text is a list of one. Reports each item that is not text. */
  public List<String> strings(Node node, String name) {
    List<String> values = new ArrayList<>();
    if (node instanceof SequenceNode sequence) {
      for (Node item : sequence.getValue()) {
        if (item instanceof ScalarNode scalar && isPlainType(scalar) && !scalar.getTag().equals(Tag.NULL)) {
          values.add(scalar.getValue());
        } else {
          error(item, "each item of '" + name + "' must be text, found " + describe(item) + "; quote it");
        }
      }
    } else if (node instanceof ScalarNode scalar && isPlainType(scalar)) {
      if (!scalar.getTag().equals(Tag.NULL) && !scalar.getValue().isBlank()) {
        values.add(scalar.getValue());
      }
    } else {
      error(node, "'" + name + "' must be a list like [a, b], found " + describe(node));
    }
    return values;
  }

  /** A boolean value. */
  public Optional<Boolean> bool(Node node, String name) {
    if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.BOOL)) {
      return Optional.of(parseBool(scalar.getValue()));
    }
    if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.STR)) {
      String v = scalar.getValue().trim().toLowerCase(java.util.Locale.ROOT);
      if (v.equals("true") || v.equals("false")) {
        return Optional.of(v.equals("true"));
      }
    }
    error(node, "'" + name + "' must be true or false, found " + describe(node));
    return Optional.empty();
  }

  /** An integer value between {@code min} and {@code max}. */
  public Optional<Integer> integer(Node node, String name, int min, int max) {
    if (node instanceof ScalarNode scalar && (scalar.getTag().equals(Tag.INT) || scalar.getTag().equals(Tag.STR))) {
      try {
        int value = Integer.parseInt(scalar.getValue().trim());
        if (value >= min && value <= max) {
          return Optional.of(value);
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    error(node, "'" + name + "' must be a whole number from " + min + " to " + max + ", found " + describe(node));
    return Optional.empty();
  }

  /** A decimal value between {@code min} and {@code max}. */
  public Optional<Double> decimal(Node node, String name, double min, double max) {
    if (node instanceof ScalarNode scalar
        && (scalar.getTag().equals(Tag.INT) || scalar.getTag().equals(Tag.FLOAT) || scalar.getTag().equals(Tag.STR))) {
      try {
        double value = Double.parseDouble(scalar.getValue().trim());
        if (value >= min && value <= max) {
          return Optional.of(value);
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    error(node, "'" + name + "' must be a number from " + min + " to " + max + ", found " + describe(node));
    return Optional.empty();
  }

  /**
   * Turns a node into plain values for templates: text, whole and decimal numbers, booleans, lists
   * and maps with text keys. Dates stay text as written. Unknown tags are errors.
   */
  public Optional<Object> value(Node node) {
    int[] budget = {MAX_VALUES};
    try {
      return Optional.ofNullable(value(node, budget));
    } catch (TooLarge e) {
      error(node, "this value expands to more than " + MAX_VALUES + " items (through YAML aliases?); simplify it");
      return Optional.empty();
    }
  }

  private Object value(Node node, int[] budget) {
    if (--budget[0] < 0) {
      throw new TooLarge();
    }
    if (node instanceof ScalarNode scalar) {
      Tag tag = scalar.getTag();
      String text = scalar.getValue();
      if (tag.equals(Tag.NULL)) {
        return null;
      } else if (tag.equals(Tag.BOOL)) {
        return parseBool(text);
      } else if (tag.equals(Tag.INT)) {
        try {
          return new BigInteger(text.replace("_", "")).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
          return text;
        }
      } else if (tag.equals(Tag.FLOAT)) {
        try {
          return Double.parseDouble(text.replace("_", ""));
        } catch (NumberFormatException e) {
          return text;
        }
      } else if (isPlainType(scalar)) {
        return text;
      }
      error(node, "type tag " + tag.getValue() + " is not allowed; remove it");
      return null;
    }
    if (node instanceof SequenceNode sequence) {
      List<Object> list = new ArrayList<>();
      for (Node item : sequence.getValue()) {
        Object v = value(item, budget);
        if (v != null) {
          list.add(v);
        }
      }
      return List.copyOf(list);
    }
    if (node instanceof MappingNode mapping) {
      if (!mapping.getTag().equals(Tag.MAP)) {
        error(node, "type tag " + mapping.getTag().getValue() + " is not allowed; remove it");
        return null;
      }
      Map<String, Object> map = new LinkedHashMap<>();
      for (Map.Entry<String, NodeTuple> e : entries(mapping).entrySet()) {
        Object v = value(e.getValue().getValueNode(), budget);
        if (v != null) {
          map.put(e.getKey(), v);
        }
      }
      return java.util.Collections.unmodifiableMap(map);
    }
    error(node, "unsupported YAML value " + describe(node));
    return null;
  }

  /** Reports an error at a node's start. */
  public void error(Node node, String message) {
    error(node.getStartMark(), message);
  }

  /** Reports a warning at a node's start. */
  public void warning(Node node, String message) {
    Mark mark = node.getStartMark();
    problems.add(Problem.warning(file, mark.getLine() + 1 + lineOffset, mark.getColumn() + 1, message));
  }

  /** The 1-based line of a node in the file. */
  public int line(Node node) {
    return node.getStartMark().getLine() + 1 + lineOffset;
  }

  /** The 1-based column of a node. */
  public int column(Node node) {
    return node.getStartMark().getColumn() + 1;
  }

  private void error(Mark mark, String message) {
    if (mark == null) {
      error(0, 0, message);
    } else {
      error(mark.getLine() + 1, mark.getColumn() + 1, message);
    }
  }

  private void error(int line, int column, String message) {
    problems.add(Problem.error(file, line == 0 ? 0 : line + lineOffset, column, message));
  }

  private static boolean isPlainType(ScalarNode scalar) {
    Tag tag = scalar.getTag();
    return tag.equals(Tag.STR) || tag.equals(Tag.INT) || tag.equals(Tag.FLOAT) || tag.equals(Tag.BOOL)
        || tag.equals(Tag.NULL) || tag.equals(Tag.TIMESTAMP);
  }

  private static boolean parseBool(String text) {
    String v = text.toLowerCase(java.util.Locale.ROOT);
    return v.equals("true") || v.equals("yes") || v.equals("on") || v.equals("y");
  }

  /** Says what a node is, for messages. */
  public static String describe(Node node) {
    if (node instanceof SequenceNode) {
      return "a list";
    }
    if (node instanceof MappingNode) {
      return "a map of keys";
    }
    if (node instanceof ScalarNode scalar) {
      String v = scalar.getValue();
      String shown = v.length() > 40 ? v.substring(0, 40) + "…" : v;
      if (!isPlainType(scalar)) {
        return "a value with type tag " + scalar.getTag().getValue() + " (type tags are not allowed)";
      }
      return scalar.getTag().equals(Tag.NULL) ? "nothing" : "'" + shown + "'";
    }
    return "a " + node.getNodeId();
  }

  private static final class TooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super(null, null, false, false);
    }
  }
}
