package dev.vpatch.app.cli;

import dev.vpatch.patches.PatchService;
import dev.vpatch.patches.notify.Webhook;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;

/** Attaches the ticket webhook when VPATCH_WEBHOOK_URL (and VPATCH_WEBHOOK_SECRET) are set. */
final class Webhooks {
  private Webhooks() {}

  static PatchService attach(PatchService service, PrintWriter err) {
    String url = System.getenv("VPATCH_WEBHOOK_URL");
    if (url != null && !url.isBlank()) {
      service.onStateChange(new Webhook(URI.create(url), System.getenv("VPATCH_WEBHOOK_SECRET"), 4,
          Duration.ofMillis(500), message -> err.println("vpatch: " + message)));
    }
    return service;
  }
}
