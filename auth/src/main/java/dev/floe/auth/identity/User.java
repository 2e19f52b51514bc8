package dev.floe.auth.identity;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A user: its name is {@code aws:username} in policies. A disabled user's keys authenticate
 * nothing.
 */
public record User(String name, boolean enabled, List<String> policies, List<String> groups) {

  public User {
    policies = List.copyOf(new TreeSet<>(policies));
    groups = List.copyOf(new TreeSet<>(groups));
  }

  User withEnabled(boolean newEnabled) {
    return new User(name, newEnabled, policies, groups);
  }

  User withPolicy(String policy, boolean attached) {
    return new User(name, enabled, toggled(policies, policy, attached), groups);
  }

  User withGroup(String group, boolean member) {
    return new User(name, enabled, policies, toggled(groups, group, member));
  }

  static List<String> toggled(List<String> names, String name, boolean present) {
    SortedSet<String> set = new TreeSet<>(names);
    if (present) {
      set.add(name);
    } else {
      set.remove(name);
    }
    return List.copyOf(set);
  }
}
