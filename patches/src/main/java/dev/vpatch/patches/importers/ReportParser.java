package dev.vpatch.patches.importers;

import java.util.List;

/** Reads one scanner report format into findings. Parsers never judge: triage decides what to patch. */
public interface ReportParser {
  /**
   * @param content the report's bytes
   * @param fileName for messages and the findings' source
   * @throws ReportFormatException when the report is not well-formed or not of this format
   */
  List<ScannerFinding> parse(byte[] content, String fileName) throws ReportFormatException;
}
