package dev.vpatch.patches.generator;

import dev.vpatch.store.model.Location;
import dev.vpatch.store.model.ParamWhere;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a patch looks: the path condition every rule chains from, and the SecLang variables that
 * carry the vulnerable parameter in every place it can arrive. ARGS covers the query, urlencoded
 * and multipart bodies, and JSON bodies (whose arguments the engine names "json.a.b"); PHP-style
 * array suffixes ("name[]") count as the same parameter, so pollution through them is seen.
 */
final class PatchScope {
  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_.\\-\\[\\]:@$]{1,128}");
  /** Applied to the path before comparing: decodes and normalises against path tricks. */
  static final String PATH_TRANSFORMATIONS = "t:none,t:utf8toUnicode,t:urlDecodeUni,t:normalizePathWin,t:lowercase";

  private final Location location;

  PatchScope(Location location) {
    this.location = location;
  }

  /** The lowercased path literal the first rule of each chain matches with {@code @contains}. */
  String pathLiteral() {
    String path = location.path() == null || location.path().isBlank() ? "/" : location.path();
    return path.toLowerCase(Locale.ROOT).replace("\"", "").replace("\\", "/").replace(" ", "%20");
  }

  boolean hasParameter() {
    return location.parameter() != null && !location.parameter().isEmpty();
  }

  /** Whether the parameter name can be written into a variable selector. */
  boolean hasSelectableParameter() {
    return hasParameter() && SAFE_NAME.matcher(location.parameter()).matches();
  }

  /** Variables carrying the parameter's value, for value checks. */
  String valueTargets(boolean includeCookies) {
    if (!hasSelectableParameter()) {
      return location.where() == ParamWhere.XML ? "REQUEST_BODY" : "ARGS|REQUEST_COOKIES";
    }
    switch (location.where()) {
      case HEADER:
        return "REQUEST_HEADERS:" + location.parameter();
      case PATH:
        return "REQUEST_FILENAME";
      case XML:
        return "REQUEST_BODY|ARGS:" + argsRegex();
      case COOKIE:
        return "REQUEST_COOKIES:/^" + escaped() + "$/|ARGS:" + argsRegex();
      default:
        return "ARGS:" + argsRegex() + (includeCookies ? "|REQUEST_COOKIES:/^" + escaped() + "$/" : "");
    }
  }

  /** The variable whose count must be exactly one in a positive patch. */
  String countTarget() {
    return location.where() == ParamWhere.COOKIE ? "&REQUEST_COOKIES:/^" + escaped() + "$/" : "&ARGS:" + argsRegex();
  }

  /** The single-variable selector for value checks in a positive patch. */
  String positiveValueTarget() {
    return location.where() == ParamWhere.COOKIE ? "REQUEST_COOKIES:/^" + escaped() + "$/" : "ARGS:" + argsRegex();
  }

  boolean supportsPositive() {
    return hasSelectableParameter() && location.where() != ParamWhere.PATH && location.where() != ParamWhere.HEADER
        && location.where() != ParamWhere.XML;
  }

  private String argsRegex() {
    return "/^(?:json(?:\\.[^.]+)*\\.)?" + escaped() + "(?:\\[[^\\]]*\\])?$/";
  }

  private String escaped() {
    StringBuilder out = new StringBuilder();
    for (char c : location.parameter().toCharArray()) {
      if (".[]$-".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
