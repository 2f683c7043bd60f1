package dev.vpatch.app.cli;

import dev.vpatch.patches.vulns.VulnClass;
import dev.vpatch.store.Store;
import dev.vpatch.store.StoreSession;
import dev.vpatch.store.model.Location;
import dev.vpatch.store.model.ParamWhere;
import dev.vpatch.store.model.Patch;
import dev.vpatch.store.model.PocRequest;
import dev.vpatch.store.model.ResponseSignature;
import dev.vpatch.store.model.Severity;
import dev.vpatch.store.model.Source;
import dev.vpatch.store.model.Vulnerability;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vpatch vuln list|show|add}. */
@Command(name = "vuln", mixinStandardHelpOptions = true, description = "Manage vulnerability records.",
    subcommands = {VulnCommand.ListVulns.class, VulnCommand.ShowVuln.class, VulnCommand.AddVuln.class})
public final class VulnCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Status of a vulnerability for listings: open, mitigated (a patch blocks) or fixed. */
  static String status(Vulnerability v) {
    return v.fixedAt() != null ? "fixed" : v.firstMitigatedAt() != null ? "mitigated" : "open";
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "One line per vulnerability.")
  static final class ListVulns implements Callable<Integer> {
      @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Store store = DbOption.from(spec).open()) {
        for (Vulnerability v : store.inTransaction((StoreSession s) -> s.vulnerabilities().list())) {
          out.printf("%s  %-9s %-8s %-16s %s  %s%n", v.id(), status(v), v.severity().label(), v.vulnClass(),
              v.location().describe(), v.title());
        }
      }
      return 0;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Everything about one vulnerability.")
  static final class ShowVuln implements Callable<Integer> {
      @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID") String id;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Store store = DbOption.from(spec).open()) {
        Vulnerability v = store.inTransaction((StoreSession s) -> s.vulnerabilities().find(id)).orElse(null);
        if (v == null) {
          spec.commandLine().getErr().println("vpatch vuln show: no vulnerability " + id + " (see vpatch vuln list)");
          return 1;
        }
        List<Patch> patches = store.inTransaction((StoreSession s) -> s.patches().forVulnerability(id));
        out.println(v.id() + "  " + v.title());
        out.println("  class:       " + v.vulnClass() + (v.cwe() == null ? "" : " (CWE-" + v.cwe() + ")"));
        out.println("  CVEs:        " + (v.cves().isEmpty() ? "-" : String.join(", ", v.cves())));
        out.println("  severity:    " + v.severity().label());
        out.println("  status:      " + status(v));
        out.println("  location:    " + v.location().describe());
        out.println("  affected:    " + orDash(v.affectedSoftware()) + " " + orDash(v.affectedVersions()));
        out.println("  trigger:     " + orDash(v.triggerConfig()));
        out.println("  source:      " + v.source().describe());
        out.println("  ticket:      " + orDash(v.ticketUrl()));
        ResponseSignature sig = v.signature();
        out.println("  signature:   " + (sig.isEmpty() ? "-" : "status " + orDash(sig.status()) + ", body ~ "
            + orDash(sig.bodyPattern()) + ", min " + orDash(sig.minMillis()) + " ms"));
        out.println("  discovered:  " + Formats.time(v.discoveredAt()));
        out.println("  mitigated:   " + Formats.time(v.firstMitigatedAt()));
        out.println("  fixed:       " + Formats.time(v.fixedAt()));
        if (v.description() != null) {
          out.println("  description: " + v.description().replace("\n", " ").strip());
        }
        out.println("  PoC requests:");
        for (PocRequest poc : v.pocs()) {
          out.println("    " + poc.method() + " " + poc.uri() + (poc.body().isEmpty() ? "" : "  body: " + poc.body()));
        }
        out.println("  patches:");
        for (Patch p : patches) {
          out.printf("    %d  %-9s %-8s rules %s  %s%n", p.id(), p.mode().label(), p.model().label(),
              Formats.ruleIds(p.ruleIds()), p.title());
        }
      }
      return 0;
    }

    private static String orDash(Object value) {
      return value == null ? "-" : value.toString();
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Record a vulnerability by hand.")
  static final class AddVuln implements Callable<Integer> {
      @Spec CommandSpec spec;

    @Option(names = "--title", required = true) String title;
    @Option(names = "--class", required = true, description = "sqli, xss, path-traversal, rfi, command-injection, "
        + "code-injection, xxe, ssrf, open-redirect, crlf, ldap-injection, xpath-injection, ssti, buffer-overflow")
    String vulnClass;
    @Option(names = "--cwe") Integer cwe;
    @Option(names = "--cve", description = "CVE id (repeatable).") List<String> cves = new ArrayList<>();
    @Option(names = "--severity", defaultValue = "high") String severity;
    @Option(names = "--description") String description;
    @Option(names = "--software") String software;
    @Option(names = "--versions") String versions;
    @Option(names = "--trigger", description = "Configuration that triggers the flaw.") String trigger;
    @Option(names = "--method", defaultValue = "GET") String method;
    @Option(names = "--path", required = true) String path;
    @Option(names = "--param") String param;
    @Option(names = "--where", defaultValue = "query", description = "query, body, json, xml, cookie, header, path")
    String where;
    @Option(names = "--poc", description = "PoC request as \"METHOD URI\" (repeatable).") List<String> pocs = new ArrayList<>();
    @Option(names = "--poc-body", description = "Body for the PoC requests (form-encoded unless --poc-content-type).")
    String pocBody;
    @Option(names = "--poc-content-type") String pocContentType;
    @Option(names = "--ticket") String ticket;
    @Option(names = "--expect-status", description = "Reassessment: status the origin answers a working PoC with.")
    Integer expectStatus;
    @Option(names = "--expect-body", description = "Reassessment: regex the body of a working PoC matches.")
    String expectBody;
    @Option(names = "--expect-min-ms", description = "Reassessment: minimum response time of a working (blind) PoC.")
    Long expectMinMillis;
    @Option(names = "--discovered", description = "ISO-8601 instant (default: now).") String discovered;

    @Override
    public Integer call() {
      VulnClass parsedClass = VulnClass.parse(vulnClass);
      List<PocRequest> requests = new ArrayList<>();
      for (String poc : pocs) {
        String[] parts = poc.trim().split("\\s+", 2);
        if (parts.length != 2) {
          spec.commandLine().getErr().println("vpatch vuln add: --poc '" + poc + "' must be \"METHOD URI\"");
          return 2;
        }
        String headers = pocBody == null ? "" : "Content-Type: "
            + (pocContentType == null ? "application/x-www-form-urlencoded" : pocContentType);
        requests.add(new PocRequest(parts[0].toUpperCase(java.util.Locale.ROOT), parts[1], headers,
            pocBody == null ? "" : pocBody));
      }
      Vulnerability v = Vulnerability.builder()
          .title(title).vulnClass(parsedClass.label()).cwe(cwe != null ? cwe : parsedClass.cwe()).cves(cves)
          .severity(Severity.parse(severity)).description(description).affectedSoftware(software)
          .affectedVersions(versions).triggerConfig(trigger)
          .location(new Location(method.toUpperCase(java.util.Locale.ROOT), path, param, ParamWhere.parse(where)))
          .pocs(requests).source(Source.manual()).ticketUrl(ticket)
          .signature(new ResponseSignature(expectStatus, expectBody, expectMinMillis))
          .discoveredAt(discovered == null ? Instant.now() : Instant.parse(discovered))
          .build();
      try (Store store = DbOption.from(spec).open()) {
        Vulnerability stored = store.inTransaction((StoreSession s) -> s.vulnerabilities().insert(v));
        spec.commandLine().getOut().println("created " + stored.id() + "  " + stored.vulnClass() + "  "
            + stored.location().describe());
      }
      return 0;
    }
  }
}
