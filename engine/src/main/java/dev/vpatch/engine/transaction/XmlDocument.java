package dev.vpatch.engine.transaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The parsed XML request body and XPath selection over it ({@code XML:/*}, {@code XML://@*}). */
final class XmlDocument {
  private static final Map<String, XPathExpression> COMPILED = new ConcurrentHashMap<>();
  private static final int MAX_CACHED = 1024;

  private final Document document;

  XmlDocument(Document document) {
    this.document = document;
  }

  /** Text content of every node the expression selects (byte strings of the UTF-8 text). */
  List<String> select(String expression) {
    List<String> values = new ArrayList<>();
    try {
      XPathExpression compiled = COMPILED.get(expression);
      if (compiled == null) {
        compiled = XPathFactory.newInstance().newXPath().compile(expression);
        if (COMPILED.size() < MAX_CACHED) COMPILED.put(expression, compiled);
      }
      synchronized (compiled) {
        NodeList nodes = (NodeList) compiled.evaluate(document, XPathConstants.NODESET);
        for (int i = 0; i < nodes.getLength(); i++) {
          Node node = nodes.item(i);
          String text = node.getTextContent();
          if (text != null) values.add(dev.vpatch.engine.ByteStrings.fromText(text));
        }
      }
    } catch (XPathExpressionException | ClassCastException e) {
      return values;
    }
    return values;
  }
}
