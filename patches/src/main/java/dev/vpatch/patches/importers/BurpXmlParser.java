package dev.vpatch.patches.importers;

import static dev.vpatch.patches.importers.SafeXml.childText;

import dev.vpatch.store.model.ParamWhere;
import dev.vpatch.store.model.PocRequest;
import dev.vpatch.store.model.Severity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Burp Suite's XML issue export. The file starts with an inline DTD, which is accepted; external
 * entities stay disabled (see {@link SafeXml}). The vulnerable input comes from the location
 * ("/path [name parameter]", "[name cookie]", ...), the PoC from the first stored request.
 */
public final class BurpXmlParser implements ReportParser {
  private static final Pattern LOCATION_INPUT = Pattern.compile(
      "\\[(.+?) (URL parameter|body parameter|JSON parameter|XML parameter|multipart parameter|parameter|cookie|"
          + "HTTP header|header|URL path filename|URL path folder)\\]\\s*$");
  private static final Pattern CWE = Pattern.compile("CWE-(\\d+)");

  @Override
  public List<ScannerFinding> parse(byte[] content, String fileName) throws ReportFormatException {
    Document document = SafeXml.parse(content, fileName);
    Element root = document.getDocumentElement();
    if (!root.getTagName().equals("issues")) {
      throw new ReportFormatException(fileName + ": not a Burp XML export (root element <" + root.getTagName()
          + ">, expected <issues>)");
    }
    List<ScannerFinding> findings = new ArrayList<>();
    for (Element issue : SafeXml.children(root, "issue")) {
      String type = childText(issue, "type");
      if (type == null) {
        throw new ReportFormatException(fileName + ": an <issue> has no <type>");
      }
      String severityText = childText(issue, "severity");
      Severity severity = SeverityWords.parse(severityText);
      String host = childText(issue, "host");
      String path = childText(issue, "path");
      String location = childText(issue, "location");
      PocRequest request = firstRequest(issue);
      String parameter = null;
      ParamWhere where = null;
      Matcher input = location == null ? null : LOCATION_INPUT.matcher(location);
      if (input != null && input.find()) {
        parameter = input.group(1);
        where = where(input.group(2), request, parameter);
      }
      String classifications = childText(issue, "vulnerabilityClassifications");
      Matcher cwe = classifications == null ? null : CWE.matcher(classifications);
      String serial = childText(issue, "serialNumber");
      findings.add(new ScannerFinding("burp", type, serial == null ? type : serial, childText(issue, "name"), severity,
          severity == Severity.INFO, "false positive".equalsIgnoreCase(childText(issue, "confidence")),
          cwe != null && cwe.find() ? Integer.valueOf(cwe.group(1)) : null, null,
          request == null ? null : request.method(), (host == null ? "" : host) + (path == null ? "" : path),
          parameter, where, null, request, childText(issue, "issueDetail"), null));
    }
    return findings;
  }

  private static ParamWhere where(String kind, PocRequest request, String parameter) {
    switch (kind) {
      case "cookie":
        return ParamWhere.COOKIE;
      case "HTTP header":
      case "header":
        return ParamWhere.HEADER;
      case "URL parameter":
        return ParamWhere.QUERY;
      case "body parameter":
      case "multipart parameter":
        return ParamWhere.BODY;
      case "JSON parameter":
        return ParamWhere.JSON;
      case "XML parameter":
        return ParamWhere.XML;
      case "URL path filename":
      case "URL path folder":
        return ParamWhere.PATH;
      default:
        ParamWhere found = ParameterLocator.where(request, parameter);
        return found != null ? found : ParamWhere.UNKNOWN;
    }
  }

  private static PocRequest firstRequest(Element issue) {
    for (Element exchange : SafeXml.children(issue, "requestresponse")) {
      Element request = SafeXml.child(exchange, "request");
      if (request == null || request.getTextContent() == null || request.getTextContent().isBlank()) {
        continue;
      }
      String raw = request.getTextContent();
      if ("true".equals(request.getAttribute("base64"))) {
        try {
          raw = new String(Base64.getDecoder().decode(raw.trim()), StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException e) {
          continue;
        }
      }
      PocRequest parsed = RawHttpRequest.parse(raw);
      if (parsed != null) {
        return parsed;
      }
    }
    return null;
  }

}
