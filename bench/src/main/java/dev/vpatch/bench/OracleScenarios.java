package dev.vpatch.bench;

import dev.vpatch.bench.HttpExchange.Header;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request shapes of issue 3, built exactly like the oracle's wrk scenarios
 * ({@code shared/oracle/wrk/get.lua}, {@code post-form.lua}, {@code post-json.lua}) so that
 * in-process numbers compare with ModSecurity's on the same bytes, plus the attack and 64 KB
 * shapes. Every exchange is answered by the same small HTML page.
 */
public final class OracleScenarios {
  static final String GET_URI = "/app/account.php?reqID=12345&lang=en&view=summary&page=2";
  static final String ATTACK_URI =
      "/app/account.php?reqID=1%27%20or%20%271%27=%271&lang=en&view=summary&page=2";
  static final String FORM_URI = "/app/checkout.php";
  static final String JSON_URI = "/api/orders";
  /** 12 headers a desktop Firefox sends for a same-site navigation; Host is a name, not an IP. */
  private static final String[][] BROWSER_HEADERS = {
    {"Host", "localhost"},
    {"User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"},
    {"Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"},
    {"Accept-Language", "en-US,en;q=0.5"},
    {"Accept-Encoding", "gzip, deflate, br"},
    {"Referer", "http://localhost/app/index.php"},
    {"Cookie", "SESSIONID=8f14e45fceea167a5a36dedd4bea2543; theme=light; consent=1"},
    {"Upgrade-Insecure-Requests", "1"},
    {"Sec-Fetch-Dest", "document"},
    {"Sec-Fetch-Mode", "navigate"},
    {"Sec-Fetch-Site", "same-origin"},
    {"Connection", "keep-alive"},
  };
  private static final String[] COLOURS = {"red", "green", "blue", "black", "white"};
  private static final String PAGE =
      "<!DOCTYPE html>\n<html><head><title>Account</title></head>\n"
          + "<body><h1>Your account</h1><p>Order 12345 was delivered this morning.</p>\n"
          + "<a href=\"/app/index.php\">Back</a></body></html>\n";

  private OracleScenarios() {}

  /** get.lua: a page view with 4 query arguments and 12 Firefox headers (3 cookies). */
  public static HttpExchange browserGet() {
    return exchange("get", "GET", GET_URI, browserHeaders(), "");
  }

  /** The browser GET with {@code reqID=1' or '1'='1}: CRS detects it (942100). */
  public static HttpExchange attackGet() {
    return exchange("attack-get", "GET", ATTACK_URI, browserHeaders(), "");
  }

  /** post-form.lua: a 4,051-byte urlencoded checkout form with 131 fields. */
  public static HttpExchange formPost() {
    return exchange("post-form", "POST", FORM_URI, formHeaders(), formBody(40, 1));
  }

  /** post-json.lua: a 4,055-byte JSON order, 40 items, 5 levels deep. */
  public static HttpExchange jsonPost() {
    Map<String, String> headers = browserHeaders();
    headers.put("Content-Type", "application/json");
    headers.put("Accept", "application/json");
    headers.put("Origin", "http://localhost");
    headers.put("Sec-Fetch-Dest", "empty");
    headers.put("Sec-Fetch-Mode", "cors");
    headers.remove("Upgrade-Insecure-Requests");
    return exchange("post-json", "POST", JSON_URI, headers, jsonBody());
  }

  /**
   * The checkout form scaled to 64 KB: 160 items (480 fields) and 30 delivery notes, 520 fields
   * in all, below SecArgumentsLimit 1000 so that it stays benign.
   */
  public static HttpExchange largeFormPost() {
    return exchange("post-form-64k", "POST", FORM_URI, formHeaders(), formBody(160, 30));
  }

  /** common.lua's oracle.browser_headers(), in its source order. */
  public static Map<String, String> browserHeaders() {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String[] header : BROWSER_HEADERS) {
      headers.put(header[0], header[1]);
    }
    return headers;
  }

  static Map<String, String> formHeaders() {
    Map<String, String> headers = browserHeaders();
    headers.put("Content-Type", "application/x-www-form-urlencoded");
    headers.put("Origin", "http://localhost");
    return headers;
  }

  /** common.lua's oracle.form_body() for items=40, notes=1; larger values scale it. */
  static String formBody(int items, int notes) {
    List<String[]> fields = new ArrayList<>();
    fields.add(new String[] {"first_name", "Alice"});
    fields.add(new String[] {"last_name", "Smith"});
    fields.add(new String[] {"email", "alice.smith@example.com"});
    fields.add(new String[] {"phone", "+1 555 0100"});
    fields.add(new String[] {"street", "42 Main Street"});
    fields.add(new String[] {"city", "Springfield"});
    fields.add(new String[] {"zip", "12345"});
    fields.add(new String[] {"country", "US"});
    fields.add(new String[] {"newsletter", "on"});
    fields.add(new String[] {"payment", "card"});
    for (int i = 1; i <= items; i++) {
      fields.add(new String[] {"item" + i + "_sku", sku(i)});
      fields.add(new String[] {"item" + i + "_qty", Integer.toString(i % 4 + 1)});
      fields.add(new String[] {"item" + i + "_colour", COLOURS[i % 5]});
    }
    fields.add(new String[] {"delivery_note", OracleText.words(338, 11)});
    for (int n = 2; n <= notes; n++) {
      fields.add(new String[] {"delivery_note" + n, OracleText.words(338, 11 + n)});
    }
    StringBuilder body = new StringBuilder();
    for (String[] field : fields) {
      if (body.length() > 0) {
        body.append('&');
      }
      body.append(field[0]).append('=').append(OracleText.urlEncode(field[1]));
    }
    return body.toString();
  }

  /** common.lua's oracle.json_body(). */
  static String jsonBody() {
    StringBuilder items = new StringBuilder();
    for (int i = 1; i <= 40; i++) {
      if (i > 1) {
        items.append(',');
      }
      items.append(String.format("{\"sku\":\"%s\",\"qty\":%d,\"price\":%d.%02d,\"gift\":%s}",
          sku(i), i % 4 + 1, 5 + i, (i * 13) % 100, i % 5 == 0 ? "true" : "false"));
    }
    return "{\"customer\":{\"first_name\":\"Alice\",\"last_name\":\"Smith\","
        + "\"email\":\"alice.smith@example.com\","
        + "\"phone\":\"+1 555 0100\",\"address\":{\"street\":\"42 Main Street\","
        + "\"city\":\"Springfield\",\"zip\":\"12345\",\"country\":\"US\"}},"
        + "\"newsletter\":true,\"payment\":\"card\","
        + "\"items\":[" + items + "],"
        + "\"delivery_note\":\"" + OracleText.words(310, 11) + "\"}";
  }

  private static String sku(int item) {
    return String.format("SKU-%05d", 1000 + item * 7);
  }

  /**
   * A request with the given headers (wrk adds Content-Length after them when there is a body)
   * and the standard response: 200 with a small HTML page.
   */
  static HttpExchange exchange(
      String name, String method, String uri, Map<String, String> headers, String body) {
    List<Header> request = new ArrayList<>();
    headers.forEach((key, value) -> request.add(new Header(key, value)));
    if (!body.isEmpty()) {
      request.add(new Header("Content-Length", Integer.toString(body.length())));
    }
    List<Header> response = List.of(
        new Header("Content-Type", "text/html; charset=utf-8"),
        new Header("Content-Length", Integer.toString(PAGE.length())),
        new Header("Cache-Control", "no-cache"));
    return new HttpExchange(name, method, uri, request, body, 200, response, PAGE);
  }
}
