package dev.vpatch.engine.operators;

import dev.vpatch.engine.operators.ip.IpNetworkSet;

/** {@code @ipMatchFromFile} ({@code @ipMatchF}): {@code @ipMatch} with one network per line. */
public final class IpMatchFromFileOperator implements Operator {
  private final IpNetworkSet networks = new IpNetworkSet();

  public IpMatchFromFileOperator(OperatorArgument argument) {
    for (String line : DataFiles.entries(argument)) networks.add(line);
  }

  @Override
  public boolean matches(MatchContext context, String input) {
    return networks.contains(input);
  }
}
