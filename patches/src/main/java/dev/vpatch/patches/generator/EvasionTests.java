package dev.vpatch.patches.generator;

import dev.vpatch.patches.vulns.VulnClass;
import dev.vpatch.store.model.Location;
import dev.vpatch.store.model.ParamWhere;
import dev.vpatch.store.model.PocRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The tests every patch carries: each PoC as reported, the attack under evasions (encodings, case,
 * the class's whitespace/comment trick, NUL bytes, parameter pollution, the parameter moved between
 * query, urlencoded, JSON and multipart bodies, path tricks), typical attacks of the class, and benign
 * values that must pass.
 */
final class EvasionTests {
  private EvasionTests() {}

  static List<TestRequest> build(VulnClass vulnClass, Location location, List<PocRequest> pocs, String attack,
      List<String> benign) {
    List<TestRequest> tests = new ArrayList<>();
    int n = 1;
    for (PocRequest poc : pocs) {
      tests.add(new TestRequest("PoC " + n++ + " as reported", poc.method(), poc.uri(), pocHeaders(poc), poc.body(), true,
          List.of()));
    }
    String path = location.path() == null ? "/" : location.path();
    String name = location.parameter();
    if (name == null || name.isEmpty()) {
      return tests;
    }
    ParamWhere where = location.where() == ParamWhere.UNKNOWN ? ParamWhere.QUERY : location.where();
    List<String> attacks = new ArrayList<>();
    if (attack != null && !attack.isEmpty()) {
      attacks.add(attack);
    }
    attacks.addAll(ClassPayloads.typical(vulnClass));
    String main = attacks.get(0);
    boolean urlLike = where == ParamWhere.QUERY || where == ParamWhere.BODY || where == ParamWhere.COOKIE;
    if (urlLike) {
      tests.add(place("attack fully URL-encoded", where, path, name, main, PayloadEncodings.full(main)));
      tests.add(place("attack double URL-encoded", where, path, name, main, PayloadEncodings.doubled(main)));
      // %u is not valid URL syntax: a strict server may refuse it (400) before any application sees it.
      tests.add(refusable(place("attack %u-encoded", where, path, name, main, PayloadEncodings.percentU(main))));
      tests.add(place("attack with a NUL byte first", where, path, name, main, "%00" + PayloadEncodings.form(main)));
    }
    String mixed = PayloadEncodings.mixedCase(main);
    if (!mixed.equals(main)) {
      tests.add(place("attack in mixed case", where, path, name, mixed, PayloadEncodings.form(mixed)));
    }
    String obfuscated = ClassPayloads.obfuscated(vulnClass, main);
    if (obfuscated != null && !obfuscated.equals(main)) {
      tests.add(place("attack with the class's whitespace/comment trick", where, path, name, obfuscated,
          PayloadEncodings.form(obfuscated)));
    }
    if (where == ParamWhere.QUERY || where == ParamWhere.BODY) {
      String benignValue = benign.isEmpty() ? "1" : benign.get(0);
      String pair = PayloadEncodings.form(name) + "=";
      TestRequest polluted = place("parameter pollution: benign value then attack", where, path, name, main,
          PayloadEncodings.form(benignValue) + "&" + pair + PayloadEncodings.form(main));
      tests.add(polluted);
      tests.add(place("attack in the query string", ParamWhere.QUERY, path, name, main, PayloadEncodings.form(main)));
      tests.add(place("attack moved to an urlencoded body", ParamWhere.BODY, path, name, main, PayloadEncodings.form(main)));
      tests.add(place("attack moved to a JSON body", ParamWhere.JSON, path, name, main, null));
      tests.add(RequestPlacement.multipart("attack moved to a multipart body", path, name, main, true));
    }
    for (String trick : pathTricks(path)) {
      TestRequest request = place("path trick " + trick, where, trick, name, main, PayloadEncodings.form(main));
      tests.add(trick.contains("\\") ? refusable(request) : request);
    }
    for (int i = 1; i < attacks.size(); i++) {
      tests.add(place("typical " + vulnClass.label() + " attack " + i, where, path, name, attacks.get(i),
          PayloadEncodings.form(attacks.get(i))));
    }
    int b = 1;
    for (String value : benign) {
      tests.add(RequestPlacement.place("benign value " + b++ + " passes", where, path, name, value,
          PayloadEncodings.form(value), false));
    }
    return tests;
  }

  /** Blocked by the patch (403) or refused by a strict server before it (400): either way it never reaches the app. */
  private static TestRequest refusable(TestRequest request) {
    return new TestRequest(request.description(), request.method(), request.uri(), request.headers(), request.body(), true,
        List.of(403, 400));
  }

  private static TestRequest place(String description, ParamWhere where, String path, String name, String raw,
      String encoded) {
    return RequestPlacement.place(description, where, path, name, raw, encoded, true);
  }

  /** The path with "/./", doubled slashes, a ";" parameter and a backslash, all of which servers may normalise away. */
  static List<String> pathTricks(String path) {
    List<String> tricks = new ArrayList<>();
    int lastSlash = path.lastIndexOf('/');
    if (lastSlash < 0 || path.length() < 2) {
      return tricks;
    }
    tricks.add(path.substring(0, lastSlash) + "/./" + path.substring(lastSlash + 1));
    tricks.add("/" + path.replace("/", "//").substring(1));
    tricks.add(path + ";vpatch=1");
    if (lastSlash > 0) {
      tricks.add(path.substring(0, lastSlash) + "\\" + path.substring(lastSlash + 1));
    }
    return tricks;
  }

  private static List<String[]> pocHeaders(PocRequest poc) {
    List<String[]> headers = new ArrayList<>();
    for (String line : poc.headers().split("\n")) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String name = line.substring(0, colon).trim();
      String lower = name.toLowerCase(java.util.Locale.ROOT);
      if (lower.equals("content-type") || lower.equals("cookie") || lower.startsWith("x-")) {
        headers.add(new String[] {name, line.substring(colon + 1).trim()});
      }
    }
    return headers;
  }
}
