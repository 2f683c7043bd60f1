package dev.vpatch.patches.importers;

import static dev.vpatch.patches.importers.SafeXml.childRawText;
import static dev.vpatch.patches.importers.SafeXml.childText;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * ZAP's traditional XML report, with or without request/response ("XML plus"), and the legacy
 * layout where uri/method/param/attack sit directly under {@code <alertitem>}.
 */
public final class ZapXmlParser implements ReportParser {
  @Override
  public List<ScannerFinding> parse(byte[] content, String fileName) throws ReportFormatException {
    Document document = SafeXml.parse(content, fileName);
    Element root = document.getDocumentElement();
    if (!root.getTagName().equals("OWASPZAPReport")) {
      throw new ReportFormatException(fileName + ": not a ZAP XML report (root element <" + root.getTagName()
          + ">, expected <OWASPZAPReport>)");
    }
    List<ScannerFinding> findings = new ArrayList<>();
    for (Element item : SafeXml.descendants(root, "alertitem")) {
      String pluginId = childText(item, "pluginid");
      if (pluginId == null) {
        throw new ReportFormatException(fileName + ": an <alertitem> has no <pluginid>");
      }
      ZapFindings.Alert alert = new ZapFindings.Alert(pluginId, firstNonNull(childText(item, "alert"),
          childText(item, "name")), childText(item, "riskcode"), childText(item, "confidence"),
          childText(item, "cweid"), childText(item, "desc"));
      Element instances = SafeXml.child(item, "instances");
      if (instances == null) {
        findings.add(ZapFindings.finding(alert, instance(item)));
      } else {
        for (Element instance : SafeXml.children(instances, "instance")) {
          findings.add(ZapFindings.finding(alert, instance(instance)));
        }
      }
    }
    return findings;
  }

  private static ZapFindings.Instance instance(Element element) {
    return new ZapFindings.Instance(childText(element, "method"), childText(element, "uri"),
        childText(element, "param"), childRawText(element, "attack"), childRawText(element, "requestheader"),
        childRawText(element, "requestbody"));
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }
}
