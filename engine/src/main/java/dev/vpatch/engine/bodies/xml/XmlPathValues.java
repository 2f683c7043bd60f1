package dev.vpatch.engine.bodies.xml;

import dev.vpatch.engine.ByteStrings;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.NamespaceContext;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * One compiled {@code XML:} XPath expression (e.g. {@code /*} for all text of the document, or
 * {@code //@*} for every attribute value). Like ModSecurity it yields the text content of each node
 * the expression selects, as UTF-8 byte strings; expressions that select no node set yield
 * nothing. JDK XPath objects are not thread-safe, so each thread compiles the expression once.
 * Namespace prefixes come from the rule's {@code xmlns} actions.
 */
public final class XmlPathValues {
  private final String expression;
  private final Map<String, String> namespaces;
  private final ThreadLocal<XPathExpression> compiled;

  private XmlPathValues(String expression, Map<String, String> namespaces) {
    this.expression = expression;
    this.namespaces = Map.copyOf(namespaces);
    this.compiled = ThreadLocal.withInitial(this::compileUnchecked);
  }

  /** Compiles {@code expression}; throws IllegalArgumentException with the reason if invalid. */
  public static XmlPathValues compile(String expression) {
    return compile(expression, Map.of());
  }

  /** As {@link #compile(String)}, with prefix to namespace URI bindings. */
  public static XmlPathValues compile(String expression, Map<String, String> namespaces) {
    XmlPathValues values = new XmlPathValues(expression, namespaces);
    try {
      values.compile();
    } catch (XPathExpressionException e) {
      throw new IllegalArgumentException(
          "invalid XPath expression '" + expression + "': " + reason(e), e);
    }
    return values;
  }

  public String expression() {
    return expression;
  }

  /** The text content of every node the expression selects in {@code document}, in document order. */
  public List<String> evaluate(Document document) {
    if (document == null) {
      return List.of();
    }
    NodeList nodes;
    try {
      nodes = (NodeList) compiled.get().evaluate(document, XPathConstants.NODESET);
    } catch (XPathExpressionException e) {
      return List.of(); // the expression yields a string, number or boolean: no nodes
    }
    List<String> values = new ArrayList<>(nodes.getLength());
    for (int i = 0; i < nodes.getLength(); i++) {
      Node node = nodes.item(i);
      String text = node.getTextContent();
      values.add(ByteStrings.fromText(text == null ? "" : text));
    }
    return values;
  }

  private XPathExpression compile() throws XPathExpressionException {
    XPath xpath = XPathFactory.newInstance().newXPath();
    if (!namespaces.isEmpty()) {
      xpath.setNamespaceContext(new Prefixes(namespaces));
    }
    return xpath.compile(expression);
  }

  private XPathExpression compileUnchecked() {
    try {
      return compile();
    } catch (XPathExpressionException e) {
      throw new IllegalStateException("XPath compiled once already: " + expression, e);
    }
  }

  private static String reason(XPathExpressionException e) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    return String.valueOf(cause.getMessage());
  }

  private record Prefixes(Map<String, String> uris) implements NamespaceContext {
    @Override
    public String getNamespaceURI(String prefix) {
      return uris.getOrDefault(prefix, javax.xml.XMLConstants.NULL_NS_URI);
    }

    @Override
    public String getPrefix(String namespaceUri) {
      for (Map.Entry<String, String> entry : uris.entrySet()) {
        if (entry.getValue().equals(namespaceUri)) {
          return entry.getKey();
        }
      }
      return null;
    }

    @Override
    public Iterator<String> getPrefixes(String namespaceUri) {
      String prefix = getPrefix(namespaceUri);
      return prefix == null ? List.<String>of().iterator() : List.of(prefix).iterator();
    }
  }
}
