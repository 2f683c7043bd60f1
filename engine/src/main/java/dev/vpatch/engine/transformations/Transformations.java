package dev.vpatch.engine.transformations;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The registry of transformations by SecLang name (case-insensitive). One line per transformation. */
public final class Transformations {
  private static final Map<String, Transformation> BY_NAME = new TreeMap<>();

  static {
    register("base64Decode", new Base64Decode());
    register("base64DecodeExt", new Base64DecodeExt());
    register("base64Encode", new Base64Encode());
    register("cmdLine", new CmdLine());
    register("compressWhitespace", new CompressWhitespace());
    register("cssDecode", new CssDecode());
    register("escapeSeqDecode", new EscapeSeqDecode());
    register("hexDecode", new HexDecode());
    register("hexEncode", new HexEncode());
    register("htmlEntityDecode", new HtmlEntityDecode());
    register("jsDecode", new JsDecode());
    register("length", new Length());
    register("lowercase", new Lowercase());
    register("md5", new Md5());
    register("normalizePath", new NormalizePath());
    register("normalisePath", lookup("normalizePath"));
    register("normalizePathWin", new NormalizePathWin());
    register("normalisePathWin", lookup("normalizePathWin"));
    register("parityEven7bit", new ParityEven7bit());
    register("parityOdd7bit", new ParityOdd7bit());
    register("parityZero7bit", new ParityZero7bit());
    register("removeComments", new RemoveComments());
    register("removeCommentsChar", new RemoveCommentsChar());
    register("removeNulls", new RemoveNulls());
    register("removeWhitespace", new RemoveWhitespace());
    register("replaceComments", new ReplaceComments());
    register("replaceNulls", new ReplaceNulls());
    register("sha1", new Sha1());
    register("sqlHexDecode", new SqlHexDecode());
    register("trim", new Trim());
    register("trimLeft", new TrimLeft());
    register("trimRight", new TrimRight());
    register("uppercase", new Uppercase());
    register("urlDecode", new UrlDecode());
    register("urlDecodeUni", new UrlDecodeUni());
    register("urlEncode", new UrlEncode());
    register("utf8toUnicode", new Utf8ToUnicode());
  }

  private Transformations() {}

  private static void register(String name, Transformation transformation) {
    BY_NAME.put(name.toLowerCase(Locale.ROOT), transformation);
  }

  /** The transformation named {@code name}, or null when unknown. {@code none} is handled by rules. */
  public static Transformation lookup(String name) {
    return BY_NAME.get(name.toLowerCase(Locale.ROOT));
  }

  public static Set<String> names() {
    return BY_NAME.keySet();
  }
}
