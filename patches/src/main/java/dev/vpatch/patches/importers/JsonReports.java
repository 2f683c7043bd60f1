package dev.vpatch.patches.importers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Shared JSON reading for the JSON report formats, with messages that point at the broken place. */
final class JsonReports {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonReports() {}

  static JsonNode read(byte[] content, String fileName) throws ReportFormatException {
    try {
      JsonNode node = MAPPER.readTree(content);
      if (node == null || node.isMissingNode()) {
        throw new ReportFormatException(fileName + ": empty JSON document");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new ReportFormatException(fileName + ":" + e.getLocation().getLineNr() + ":"
          + e.getLocation().getColumnNr() + ": not well-formed JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ReportFormatException(fileName + ": cannot read JSON: " + e.getMessage(), e);
    }
  }

  /** Text of a field, or null when missing, null or blank; numbers are rendered as text. */
  static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    String text = value.isValueNode() ? value.asText() : value.toString();
    return text.isBlank() ? null : text;
  }

  static JsonNode array(JsonNode node, String field, String fileName, String where) throws ReportFormatException {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return MAPPER.createArrayNode();
    }
    if (!value.isArray()) {
      throw new ReportFormatException(fileName + ": " + where + "." + field + " must be an array");
    }
    return value;
  }
}
