package dev.vpatch.patches.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpatch.patches.PatchService.StateChangeEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts every patch state change as JSON to a ticket system. The body is signed with HMAC-SHA256
 * under a shared secret ({@code X-Vpatch-Signature: sha256=<hex>}, as GitHub-style receivers
 * check); 5xx answers and network errors are retried with backoff, 4xx are not.
 */
public final class Webhook implements Consumer<StateChangeEvent> {
  public static final String SIGNATURE_HEADER = "X-Vpatch-Signature";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final URI url;
  private final byte[] secret;
  private final int attempts;
  private final Duration firstBackoff;
  private final Consumer<String> problems;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public Webhook(URI url, String secret, int attempts, Duration firstBackoff, Consumer<String> problems) {
    this.url = url;
    this.secret = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
    this.attempts = Math.max(1, attempts);
    this.firstBackoff = firstBackoff;
    this.problems = problems;
  }

  @Override
  public void accept(StateChangeEvent event) {
    byte[] body = payload(event);
    String signature = "sha256=" + sign(body);
    Duration backoff = firstBackoff;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try {
        HttpResponse<Void> response = client.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json").header(SIGNATURE_HEADER, signature)
            .header("X-Vpatch-Event", "patch.state_changed")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() < 300) {
          return;
        }
        if (response.statusCode() < 500) {
          problems.accept("webhook " + url + " refused the state change of patch " + event.patch().id() + " with status "
              + response.statusCode());
          return;
        }
      } catch (IOException e) {
        if (attempt == attempts) {
          problems.accept("webhook " + url + " unreachable after " + attempts + " attempts: " + e.getMessage());
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (attempt < attempts) {
        sleep(backoff);
        backoff = backoff.multipliedBy(2);
      }
    }
    problems.accept("webhook " + url + " kept failing with 5xx after " + attempts + " attempts");
  }

  /** The signed JSON body for an event. */
  public static byte[] payload(StateChangeEvent event) {
    ObjectNode json = MAPPER.createObjectNode();
    json.put("event", "patch.state_changed");
    json.put("at", event.change().at().toString());
    json.put("actor", event.change().actor());
    json.put("reason", event.change().reason());
    json.put("from", event.change().from() == null ? null : event.change().from().label());
    json.put("to", event.change().to().label());
    json.put("patch_id", event.patch().id());
    json.put("model", event.patch().model().label());
    event.patch().ruleIds().forEach(json.putArray("rule_ids")::add);
    json.put("vulnerability_id", event.patch().vulnId());
    if (event.vulnerability() != null) {
      event.vulnerability().cves().forEach(json.putArray("cves")::add);
      json.put("title", event.vulnerability().title());
      json.put("class", event.vulnerability().vulnClass());
      json.put("ticket_url", event.vulnerability().ticketUrl());
    }
    try {
      return MAPPER.writeValueAsBytes(json);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public String sign(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.length == 0 ? new byte[1] : secret, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
