package dev.vpatch.engine.operators;

import java.nio.file.Path;

/** Creates operators through the registry, as the rule compiler does. */
final class OperatorTesting {
  private OperatorTesting() {}

  static Operator create(String name, String argument) {
    OperatorFactory factory = Operators.lookup(name);
    if (factory == null) throw new AssertionError("operator not registered: " + name);
    return factory.create(OperatorArgument.of(argument));
  }

  static Operator create(String name, String argument, Path baseDirectory) {
    return Operators.lookup(name).create(OperatorArgument.of(argument, baseDirectory));
  }

  static boolean matches(String name, String argument, String input) {
    return create(name, argument).matches(TestMatchContext.plain(), input);
  }
}
