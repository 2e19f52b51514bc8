package dev.floe.auth.identity;

import java.util.List;
import java.util.TreeSet;

/** A group: its policies govern every user that is a member (membership is kept on the user). */
public record Group(String name, List<String> policies) {

  public Group {
    policies = List.copyOf(new TreeSet<>(policies));
  }

  Group withPolicy(String policy, boolean attached) {
    return new Group(name, User.toggled(policies, policy, attached));
  }
}
