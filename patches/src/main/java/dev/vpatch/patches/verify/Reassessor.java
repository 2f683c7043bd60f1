package dev.vpatch.patches.verify;

import dev.vpatch.store.model.PocRequest;
import dev.vpatch.store.model.ResponseSignature;
import dev.vpatch.store.model.Vulnerability;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Replays a vulnerability's PoC requests directly against the origin (bypassing the proxy) and
 * compares each response with the stored signature: status, a body regex, and for blind cases a
 * minimum response time. The vulnerability reproduces when any PoC matches every part given.
 */
public final class Reassessor {
  private static final Set<String> RESTRICTED_HEADERS = Set.of("host", "content-length", "connection", "expect",
      "upgrade", "transfer-encoding", "te", "trailer", "keep-alive", "proxy-connection", "http2-settings");
  private static final int MAX_BODY_CHARS = 1 << 20;

  private final HttpClient client;
  private final Duration timeout;

  public Reassessor(Duration timeout) {
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  public Reassessment reassess(Vulnerability vulnerability, String origin) throws InterruptedException {
    ResponseSignature signature = vulnerability.signature();
    if (signature.isEmpty()) {
      throw new IllegalArgumentException(vulnerability.id() + " has no response signature to recognise a working PoC:"
          + " record one (vpatch vuln add --expect-status/--expect-body/--expect-min-ms)");
    }
    if (vulnerability.pocs().isEmpty()) {
      throw new IllegalArgumentException(vulnerability.id() + " has no PoC request to replay");
    }
    Pattern body = signature.bodyPattern() == null || signature.bodyPattern().isEmpty() ? null
        : Pattern.compile(signature.bodyPattern());
    String base = origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
    List<String> details = new ArrayList<>();
    boolean reproduces = false;
    int n = 1;
    for (PocRequest poc : vulnerability.pocs()) {
      String label = "PoC " + n++ + " " + poc.method() + " " + poc.uri();
      try {
        long start = System.nanoTime();
        HttpResponse<byte[]> response = client.send(request(base, poc), HttpResponse.BodyHandlers.ofByteArray());
        long millis = (System.nanoTime() - start) / 1_000_000;
        String text = new String(response.body(), 0, Math.min(response.body().length, MAX_BODY_CHARS),
            StandardCharsets.ISO_8859_1);
        boolean statusMatches = signature.status() == null || signature.status() == response.statusCode();
        boolean bodyMatches = body == null || body.matcher(text).find();
        boolean slowEnough = signature.minMillis() == null || millis >= signature.minMillis();
        boolean match = statusMatches && bodyMatches && slowEnough;
        reproduces |= match;
        details.add(label + ": status " + response.statusCode() + ", " + millis + " ms, body "
            + (body == null ? "not checked" : bodyMatches ? "matches" : "does not match") + " -> "
            + (match ? "REPRODUCES" : "does not reproduce"));
      } catch (IOException | IllegalArgumentException e) {
        details.add(label + ": no answer from the origin (" + e.getMessage() + ")");
        throw new IllegalStateException("cannot reach the origin " + origin + ": " + e.getMessage()
            + " (reassessment needs the origin up; nothing was changed)", e);
      }
    }
    return new Reassessment(reproduces, details);
  }

  private HttpRequest request(String base, PocRequest poc) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + (poc.uri().startsWith("/") ? "" : "/")
        + poc.uri())).timeout(timeout);
    for (String line : poc.headers().split("\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && !RESTRICTED_HEADERS.contains(line.substring(0, colon).trim().toLowerCase(Locale.ROOT))) {
        builder.header(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
      }
    }
    HttpRequest.BodyPublisher body = poc.body().isEmpty() ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(poc.body().getBytes(StandardCharsets.ISO_8859_1));
    return builder.method(poc.method(), body).build();
  }
}
