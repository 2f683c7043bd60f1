package dev.vpatch.engine.operators;

import dev.vpatch.engine.macros.Macro;
import java.nio.file.Path;

/**
 * The argument text of an operator as written in the rule (a byte string, quotes and escapes
 * already resolved by the parser), and where the rule came from.
 *
 * @param text the argument text, e.g. {@code ^[0-9]+$} for {@code @rx ^[0-9]+$}
 * @param macro the argument compiled as a macro; {@link Macro#isConstant()} when it holds no
 *     {@code %{...}}
 * @param baseDirectory directory of the rule file, to resolve data files ({@code @pmFromFile})
 */
public record OperatorArgument(String text, Macro macro, Path baseDirectory) {
  public static OperatorArgument of(String text) {
    return new OperatorArgument(text, Macro.compile(text), Path.of("."));
  }

  public static OperatorArgument of(String text, Path baseDirectory) {
    return new OperatorArgument(text, Macro.compile(text), baseDirectory);
  }
}
