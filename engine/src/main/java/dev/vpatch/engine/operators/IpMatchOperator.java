package dev.vpatch.engine.operators;

import dev.vpatch.engine.operators.ip.IpNetworkSet;

/**
 * {@code @ipMatch}: matches when the input is an IPv4 or IPv6 address inside one of the
 * comma-separated addresses or CIDR networks of the argument.
 */
public final class IpMatchOperator implements Operator {
  private final IpNetworkSet networks = new IpNetworkSet();

  public IpMatchOperator(OperatorArgument argument) {
    for (String network : argument.text().split(",")) {
      if (!network.isBlank()) networks.add(network);
    }
    if (networks.isEmpty()) {
      throw new IllegalArgumentException("@ipMatch needs at least one address");
    }
  }

  @Override
  public boolean matches(MatchContext context, String input) {
    return networks.contains(input);
  }
}
