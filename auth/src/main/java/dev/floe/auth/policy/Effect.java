package dev.floe.auth.policy;

/** A statement's {@code Effect}: what it does to a request it applies to. */
public enum Effect {
  ALLOW("Allow"),
  DENY("Deny");

  private final String policyName;

  Effect(String policyName) {
    this.policyName = policyName;
  }

  /** The spelling in a policy document, which IAM treats case-sensitively. */
  public String policyName() {
    return policyName;
  }

  static Effect fromPolicyName(String name) {
    for (Effect effect : values()) {
      if (effect.policyName.equals(name)) {
        return effect;
      }
    }
    return null;
  }
}
