package dev.vpatch.engine.operators;

import dev.vpatch.engine.macros.Macro;

/** An operator argument that is either constant or expanded per evaluation when it holds macros. */
final class ExpandableArgument {
  private final String constant;
  private final Macro macro;

  ExpandableArgument(OperatorArgument argument) {
    boolean isConstant = argument.macro() == null || argument.macro().isConstant();
    this.constant = isConstant ? argument.text() : null;
    this.macro = isConstant ? null : argument.macro();
  }

  String value(MatchContext context) {
    return constant != null ? constant : context.expand(macro);
  }
}
