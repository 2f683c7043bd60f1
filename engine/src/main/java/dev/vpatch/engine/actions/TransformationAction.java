package dev.vpatch.engine.actions;

import dev.vpatch.engine.transformations.Transformation;
import dev.vpatch.engine.transformations.Transformations;

/** {@code t:NAME}: adds a transformation ({@code t:none} clears the inherited ones). */
public final class TransformationAction implements Action {
  private final String name;
  private final Transformation transformation;

  public TransformationAction(String value) {
    if (value == null || value.isEmpty()) throw new IllegalArgumentException("t: needs a transformation name");
    this.name = value;
    if (value.equalsIgnoreCase("none")) {
      transformation = null;
    } else {
      transformation = Transformations.lookup(value);
      if (transformation == null) throw new IllegalArgumentException("unknown transformation '" + value + "'");
    }
  }

  @Override
  public ActionType type() {
    return ActionType.NON_DISRUPTIVE;
  }

  @Override
  public void configure(RuleSettings rule) {
    if (transformation == null) rule.clearTransformations();
    else rule.transformation(name, transformation);
  }
}
