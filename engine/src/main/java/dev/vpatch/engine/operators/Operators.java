package dev.vpatch.engine.operators;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The registry of operators by SecLang name (matched case-insensitively). One line per operator. */
public final class Operators {
  private static final Map<String, OperatorFactory> FACTORIES = new TreeMap<>();

  static {
    register("rx", RxOperator::new);
    register("pm", PmOperator::new);
    register("pmFromFile", PmFromFileOperator::new);
    register("pmf", PmFromFileOperator::new);
    register("within", WithinOperator::new);
    register("streq", StrEqOperator::new);
    register("strmatch", StrMatchOperator::new);
    register("beginsWith", BeginsWithOperator::new);
    register("endsWith", EndsWithOperator::new);
    register("contains", ContainsOperator::new);
    register("containsWord", ContainsWordOperator::new);
    register("eq", EqOperator::new);
    register("ge", GeOperator::new);
    register("gt", GtOperator::new);
    register("le", LeOperator::new);
    register("lt", LtOperator::new);
    register("validateByteRange", ValidateByteRangeOperator::new);
    register("validateUrlEncoding", ValidateUrlEncodingOperator::new);
    register("validateUtf8Encoding", ValidateUtf8EncodingOperator::new);
    register("ipMatch", IpMatchOperator::new);
    register("ipMatchFromFile", IpMatchFromFileOperator::new);
    register("ipMatchF", IpMatchFromFileOperator::new);
    register("unconditionalMatch", UnconditionalMatchOperator::new);
    register("noMatch", NoMatchOperator::new);
    register("verifyCC", VerifyCcOperator::new);
    register("verifyCPF", VerifyCpfOperator::new);
    register("verifySSN", VerifySsnOperator::new);
    register("detectSQLi", DetectSqliOperator::new);
    register("detectXSS", DetectXssOperator::new);
  }

  private Operators() {}

  private static void register(String name, OperatorFactory factory) {
    FACTORIES.put(name.toLowerCase(Locale.ROOT), factory);
  }

  /** The factory for {@code name} (without the {@code @}), or null when unknown. */
  public static OperatorFactory lookup(String name) {
    return FACTORIES.get(name.toLowerCase(Locale.ROOT));
  }

  public static Set<String> names() {
    return FACTORIES.keySet();
  }
}
