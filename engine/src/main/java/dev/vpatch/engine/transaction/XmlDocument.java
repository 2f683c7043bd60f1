package dev.vpatch.engine.transaction;

import dev.vpatch.engine.bodies.xml.XmlPathValues;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.w3c.dom.Document;

/** The parsed XML request body and XPath selection over it ({@code XML:/*}, {@code XML://@*}). */
final class XmlDocument {
  private static final Map<String, XmlPathValues> COMPILED = new ConcurrentHashMap<>();
  private static final int MAX_CACHED = 1024;

  private final Document document;

  XmlDocument(Document document) {
    this.document = document;
  }

  /** The string value of every node the expression selects (byte strings). */
  List<String> select(String expression) {
    XmlPathValues compiled = COMPILED.get(expression);
    if (compiled == null) {
      try {
        compiled = XmlPathValues.compile(expression);
      } catch (RuntimeException e) {
        return List.of();
      }
      if (COMPILED.size() < MAX_CACHED) COMPILED.put(expression, compiled);
    }
    return compiled.evaluate(document);
  }
}
