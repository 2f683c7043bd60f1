package dev.vpatch.patches.importers;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * XML parsing for untrusted reports: an inline DOCTYPE is accepted (Burp writes one) but external
 * entities, external DTDs and XInclude are never loaded, so a report cannot read local files or
 * reach the network (XXE).
 */
final class SafeXml {
  private SafeXml() {}

  static Document parse(byte[] content, String fileName) throws ReportFormatException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      factory.setNamespaceAware(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
      builder.setErrorHandler(new DefaultHandler() {
        @Override
        public void fatalError(SAXParseException e) throws SAXException {
          throw e;
        }
      });
      return builder.parse(new ByteArrayInputStream(content));
    } catch (SAXParseException e) {
      throw new ReportFormatException(fileName + ":" + e.getLineNumber() + ":" + e.getColumnNumber()
          + ": not well-formed XML: " + e.getMessage(), e);
    } catch (SAXException | IOException e) {
      throw new ReportFormatException(fileName + ": cannot parse XML: " + e.getMessage(), e);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the XML parser cannot be configured securely", e);
    }
  }

  /** Text of the first direct child element named {@code name}, trimmed; null when absent or blank. */
  static String childText(Element parent, String name) {
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element && element.getTagName().equals(name)) {
        String text = element.getTextContent();
        return text == null || text.isBlank() ? null : text.trim();
      }
    }
    return null;
  }

  /** Text of the first direct child element named {@code name}, untrimmed; null when absent. */
  static String childRawText(Element parent, String name) {
    Element element = child(parent, name);
    return element == null ? null : element.getTextContent();
  }

  static Element child(Element parent, String name) {
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element && element.getTagName().equals(name)) {
        return element;
      }
    }
    return null;
  }

  static java.util.List<Element> children(Element parent, String name) {
    java.util.List<Element> result = new java.util.ArrayList<>();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element && element.getTagName().equals(name)) {
        result.add(element);
      }
    }
    return result;
  }

  static java.util.List<Element> descendants(Element parent, String name) {
    NodeList nodes = parent.getElementsByTagName(name);
    java.util.List<Element> result = new java.util.ArrayList<>(nodes.getLength());
    for (int i = 0; i < nodes.getLength(); i++) {
      result.add((Element) nodes.item(i));
    }
    return result;
  }
}
