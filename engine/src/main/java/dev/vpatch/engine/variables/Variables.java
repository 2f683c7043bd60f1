package dev.vpatch.engine.variables;

import java.util.HashMap;
import java.util.Map;

/**
 * The SecLang variables the engine knows, by upper-case name. NAMES variables map to the
 * collection whose keys they list; ARGS combines ARGS_GET and ARGS_POST.
 */
public final class Variables {
  private static final Map<String, VariableKind> KINDS = new HashMap<>();
  private static final Map<String, String> NAMES_OF = new HashMap<>();

  static {
    for (String c :
        new String[] {
          "ARGS", "ARGS_GET", "ARGS_POST", "ARGS_PATH", "REQUEST_HEADERS", "REQUEST_COOKIES",
          "RESPONSE_HEADERS", "TX", "IP", "SESSION", "USER", "GLOBAL", "RESOURCE", "ENV", "GEO",
          "FILES", "FILES_SIZES", "FILES_TMPNAMES", "FILES_TMP_CONTENT", "MULTIPART_PART_HEADERS",
          "MATCHED_VARS", "RULE", "XML_NS"
        }) {
      KINDS.put(c, VariableKind.COLLECTION);
    }
    names("ARGS_NAMES", "ARGS");
    names("ARGS_GET_NAMES", "ARGS_GET");
    names("ARGS_POST_NAMES", "ARGS_POST");
    names("REQUEST_HEADERS_NAMES", "REQUEST_HEADERS");
    names("REQUEST_COOKIES_NAMES", "REQUEST_COOKIES");
    names("RESPONSE_HEADERS_NAMES", "RESPONSE_HEADERS");
    names("FILES_NAMES", "FILES");
    names("MATCHED_VARS_NAMES", "MATCHED_VARS");
    KINDS.put("XML", VariableKind.XML);
    for (String s :
        new String[] {
          "ARGS_COMBINED_SIZE", "AUTH_TYPE", "DURATION", "FILES_COMBINED_SIZE", "FULL_REQUEST",
          "FULL_REQUEST_LENGTH", "HIGHEST_SEVERITY", "INBOUND_DATA_ERROR", "MATCHED_VAR",
          "MATCHED_VAR_NAME", "MODSEC_BUILD", "MULTIPART_BOUNDARY_QUOTED",
          "MULTIPART_BOUNDARY_WHITESPACE", "MULTIPART_CRLF_LF_LINES", "MULTIPART_DATA_AFTER",
          "MULTIPART_DATA_BEFORE", "MULTIPART_FILE_LIMIT_EXCEEDED", "MULTIPART_FILENAME",
          "MULTIPART_HEADER_FOLDING", "MULTIPART_INVALID_HEADER_FOLDING", "MULTIPART_INVALID_PART",
          "MULTIPART_INVALID_QUOTING", "MULTIPART_LF_LINE", "MULTIPART_MISSING_SEMICOLON",
          "MULTIPART_NAME", "MULTIPART_STRICT_ERROR", "MULTIPART_UNMATCHED_BOUNDARY",
          "OUTBOUND_DATA_ERROR", "PATH_INFO", "QUERY_STRING", "REMOTE_ADDR", "REMOTE_HOST",
          "REMOTE_PORT", "REMOTE_USER", "REQBODY_ERROR", "REQBODY_ERROR_MSG", "REQBODY_PROCESSOR",
          "REQBODY_PROCESSOR_ERROR", "REQBODY_PROCESSOR_ERROR_MSG", "REQUEST_BASENAME",
          "REQUEST_BODY", "REQUEST_BODY_LENGTH", "REQUEST_FILENAME", "REQUEST_LINE",
          "REQUEST_METHOD", "REQUEST_PROTOCOL", "REQUEST_URI", "REQUEST_URI_RAW", "RESPONSE_BODY",
          "RESPONSE_CONTENT_LENGTH", "RESPONSE_CONTENT_TYPE", "RESPONSE_PROTOCOL", "RESPONSE_STATUS",
          "SERVER_ADDR", "SERVER_NAME", "SERVER_PORT", "SESSIONID", "STATUS_LINE", "TIME",
          "TIME_DAY", "TIME_EPOCH", "TIME_HOUR", "TIME_MIN", "TIME_MON", "TIME_SEC", "TIME_WDAY",
          "TIME_YEAR", "UNIQUE_ID", "URLENCODED_ERROR", "USERID", "WEBAPPID", "WEBSERVER_ERROR_LOG",
          "MSC_PCRE_LIMITS_EXCEEDED", "REQBODY_PROCESSOR_ERROR", "RESPONSE_BODY_LENGTH"
        }) {
      KINDS.put(s, VariableKind.SCALAR);
    }
  }

  private Variables() {}

  private static void names(String names, String collection) {
    KINDS.put(names, VariableKind.NAMES);
    NAMES_OF.put(names, collection);
  }

  /** The kind of the variable, or null when unknown. */
  public static VariableKind kind(String name) {
    return KINDS.get(name);
  }

  /** For a NAMES variable, the collection whose keys it lists. */
  public static String collectionOfNames(String name) {
    return NAMES_OF.get(name);
  }
}
