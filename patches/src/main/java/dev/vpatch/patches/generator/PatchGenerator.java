package dev.vpatch.patches.generator;

import dev.vpatch.engine.operators.Operators;
import dev.vpatch.patches.importers.ParameterLocator;
import dev.vpatch.patches.vulns.VulnClass;
import dev.vpatch.store.model.PatchModel;
import dev.vpatch.store.model.PocRequest;
import dev.vpatch.store.model.Vulnerability;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Generates a virtual patch for a vulnerability. Positive (allow-list) when the legitimate shape of
 * the vulnerable parameter is known — given, inferred from benign samples, or evident from a
 * numeric-arithmetic SQLi probe such as "23-2" — in the style of the OWASP virtual patching guide's
 * reqID example: scoped to the path after decoding and normalisation, exactly one occurrence of
 * the parameter, and its value matching the shape. Negative otherwise: class detection at the
 * parameter wherever it can arrive. Never a literal match of the PoC.
 */
public final class PatchGenerator {
  private static final Pattern ARITHMETIC_PROBE = Pattern.compile("[0-9]{1,9}\\s*[-+*/]\\s*[0-9]{1,9}");
  /** A number with a quote appended: the scanner broke a numeric value, so the parameter is numeric. */
  private static final Pattern NUMERIC_QUOTE_PROBE = Pattern.compile("[0-9]{1,18}['\"`)]{1,2}");
  /** A value with one or two quotes appended and nothing else: the string context is the flaw. */
  private static final Pattern QUOTE_PROBE = Pattern.compile("[^'\"`]{0,64}['\"`]{1,2}");
  private static final List<String> DEFAULT_BENIGN = List.of("1", "hello world", "Zo\u00eb-42");

  public GeneratedPatch generate(Vulnerability vulnerability, long patchId, long firstRuleId, GenerateOptions options) {
    VulnClass vulnClass = VulnClass.parse(vulnerability.vulnClass());
    PatchScope scope = new PatchScope(vulnerability.location());
    String attack = attackValue(vulnerability);
    InputShape shape = options.negative() ? null : shape(vulnClass, attack, options, scope);
    if (shape != null && !scope.supportsPositive()) {
      throw new IllegalArgumentException("a positive patch needs a named query, body, JSON or cookie parameter; "
          + vulnerability.id() + " has " + vulnerability.location().describe() + ": use a negative patch");
    }
    return shape != null
        ? positive(vulnerability, vulnClass, scope, shape, patchId, firstRuleId, options.optional(), attack)
        : negative(vulnerability, vulnClass, scope, patchId, firstRuleId, attack, options.samples());
  }

  private static InputShape shape(VulnClass vulnClass, String attack, GenerateOptions options, PatchScope scope) {
    if (options.shape() != null) {
      return options.shape();
    }
    if (!options.samples().isEmpty()) {
      return InputShapes.infer(options.samples());
    }
    if (vulnClass == VulnClass.SQLI && attack != null && scope.supportsPositive()
        && (ARITHMETIC_PROBE.matcher(attack.trim()).matches() || NUMERIC_QUOTE_PROBE.matcher(attack.trim()).matches())) {
      return new IntegerShape(0, 999_999_999L);
    }
    return null;
  }

  private GeneratedPatch positive(Vulnerability v, VulnClass vulnClass, PatchScope scope, InputShape shape, long patchId,
      long first, boolean optional, String attack) {
    String name = v.location().parameter();
    // A cookie is legitimately absent on a first visit: only its repetition is refused.
    boolean optionalCount = optional || v.location().where() == dev.vpatch.store.model.ParamWhere.COOKIE;
    String title = "positive: '" + name + "' must be " + shape.describe() + " at " + v.location().path();
    RuleText rules = new RuleText(v.id(), patchId, scope.pathLiteral(), header(v, patchId, title));
    List<Long> ids = new ArrayList<>();
    long id = first;
    rules.rule(id, "parameter " + name + (optionalCount ? " must not repeat" : " must occur exactly once"),
        List.<String[]>of(new String[] {scope.countTarget(), optionalCount ? "@gt 1" : "!@eq 1", "t:none"}));
    ids.add(id++);
    rules.rule(id, "parameter " + name + " must be " + shape.describe(),
        List.<String[]>of(new String[] {scope.positiveValueTarget(), "!@rx " + shape.regex(), "t:none"}));
    ids.add(id++);
    long[] bounds = shape.numericBounds();
    if (bounds != null) {
      rules.rule(id, "parameter " + name + " above " + bounds[1],
          List.<String[]>of(new String[] {scope.positiveValueTarget(), "@gt " + bounds[1], "t:none"}));
      ids.add(id++);
      rules.rule(id, "parameter " + name + " below " + bounds[0],
          List.<String[]>of(new String[] {scope.positiveValueTarget(), "@lt " + bounds[0], "t:none"}));
      ids.add(id);
    }
    List<TestRequest> tests = EvasionTests.build(vulnClass, v.location(), v.pocs(), attack, shape.samples());
    return new GeneratedPatch(PatchModel.POSITIVE, title, rules.toString(), ids,
        FtwYaml.write("vpatch patch " + patchId + " for " + v.id() + ": " + title, first, ids, tests));
  }

  private GeneratedPatch negative(Vulnerability v, VulnClass vulnClass, PatchScope scope, long patchId, long first,
      String attack, List<String> samples) {
    String where = scope.hasParameter() ? "'" + v.location().parameter() + "'" : "any parameter";
    String title = "negative: blocks " + vulnClass.title().toLowerCase(java.util.Locale.ROOT) + " in " + where + " at "
        + v.location().path();
    RuleText rules = new RuleText(v.id(), patchId, scope.pathLiteral(), header(v, patchId, title));
    List<Long> ids = new ArrayList<>();
    long id = first;
    List<Detection> detections = new ArrayList<>(ClassSignatures.of(vulnClass));
    if (vulnClass == VulnClass.SQLI && attack != null && QUOTE_PROBE.matcher(attack).matches()) {
      detections.add(0, ClassSignatures.SQL_STRING_BREAKER);
    }
    for (Detection detection : detections) {
      if (!engineHas(detection.operator())) {
        continue;
      }
      String targets = vulnClass == VulnClass.XXE ? "REQUEST_BODY" : scope.valueTargets(true);
      rules.rule(id, detection.what() + " in " + where,
          List.<String[]>of(new String[] {targets, detection.operator(), detection.transformations()}));
      ids.add(id++);
    }
    List<TestRequest> tests = EvasionTests.build(vulnClass, v.location(), v.pocs(), attack,
        samples.isEmpty() ? DEFAULT_BENIGN : samples);
    return new GeneratedPatch(PatchModel.NEGATIVE, title, rules.toString(), ids,
        FtwYaml.write("vpatch patch " + patchId + " for " + v.id() + ": " + title, first, ids, tests));
  }

  /** Whether this build's engine knows the operator (libinjection-style detectors may be absent). */
  private static boolean engineHas(String operator) {
    String name = operator.substring(1).split(" ", 2)[0];
    return Operators.lookup(name) != null;
  }

  private static String header(Vulnerability v, long patchId, String title) {
    return "vpatch patch " + patchId + " for " + v.id() + " (" + v.vulnClass() + (v.cwe() == null ? "" : ", CWE-" + v.cwe())
        + (v.cves().isEmpty() ? "" : ", " + String.join(", ", v.cves())) + ")\n" + title + "\nlocation: "
        + v.location().describe();
  }

  /** The payload the PoCs put into the vulnerable parameter, decoded. */
  static String attackValue(Vulnerability v) {
    for (PocRequest poc : v.pocs()) {
      String value = ParameterLocator.valueOf(poc, v.location().parameter());
      if (value != null && !value.isEmpty()) {
        return value;
      }
    }
    return null;
  }
}
