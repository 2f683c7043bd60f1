package dev.vpatch.engine.bodies.xml;

import dev.vpatch.engine.bodies.BodyContext;
import dev.vpatch.engine.bodies.BodyProcessor;
import dev.vpatch.engine.bodies.BodySink;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * XML: parses the body into a DOM document for {@code XML:/xpath} (see {@link XmlPathValues}).
 * Like libxml2 in ModSecurity, internal entities are expanded while nothing external (DTDs,
 * entities, schemas) is ever loaded; the JDK's secure-processing limits bound entity expansion.
 * Any parse error is reported as ModSecurity reports it.
 */
public final class XmlProcessor implements BodyProcessor {
  static final String ERROR = "XML parsing error: XML: Failed parsing document.";

  private static final DocumentBuilderFactory FACTORY = newFactory();

  /** Builders are not thread-safe but are reusable after {@link DocumentBuilder#reset()}. */
  private static final ThreadLocal<DocumentBuilder> BUILDERS =
      ThreadLocal.withInitial(XmlProcessor::newBuilder);

  private static final ErrorHandler FAIL_ON_ERROR =
      new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {}

        @Override
        public void error(SAXParseException exception) throws SAXException {
          throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
          throw exception;
        }
      };

  @Override
  public String name() {
    return "XML";
  }

  @Override
  public void process(byte[] body, int length, BodyContext context, BodySink sink) {
    if (length == 0) {
      sink.error(ERROR);
      return;
    }
    DocumentBuilder builder = BUILDERS.get();
    builder.reset();
    builder.setErrorHandler(FAIL_ON_ERROR);
    builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
    try {
      Document document = builder.parse(new ByteArrayInputStream(body, 0, length));
      sink.xml(document);
    } catch (SAXException | IOException e) {
      sink.error(ERROR);
    }
  }

  private static DocumentBuilder newBuilder() {
    try {
      return FACTORY.newDocumentBuilder();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK XML parser is not available", e);
    }
  }

  private static DocumentBuilderFactory newFactory() {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    try {
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    } catch (ParserConfigurationException | IllegalArgumentException e) {
      throw new IllegalStateException("the JDK XML parser cannot be made safe", e);
    }
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(true);
    factory.setNamespaceAware(true);
    factory.setValidating(false);
    return factory;
  }
}
