package dev.floe.auth.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of evaluating a request against a principal's policies, with the {@code Sid} of the
 * statement that decided it so that a denial can say why.
 */
public final class Decision {

  /** The three outcomes of IAM evaluation. */
  public enum Outcome {
    /** An Allow statement applied and no Deny statement did. */
    ALLOW,
    /** A Deny statement applied; nothing can override it. */
    EXPLICIT_DENY,
    /** No statement applied: IAM denies by default. */
    IMPLICIT_DENY
  }

  private static final Decision IMPLICIT_DENY = new Decision(Outcome.IMPLICIT_DENY, null);

  private final Outcome outcome;
  private final String statementId;

  private Decision(Outcome outcome, String statementId) {
    this.outcome = outcome;
    this.statementId = statementId;
  }

  static Decision decidedBy(Statement statement) {
    Outcome outcome = statement.effect() == Effect.ALLOW ? Outcome.ALLOW : Outcome.EXPLICIT_DENY;
    return new Decision(outcome, statement.sid().orElse(null));
  }

  static Decision implicitDeny() {
    return IMPLICIT_DENY;
  }

  public Outcome outcome() {
    return outcome;
  }

  public boolean isAllowed() {
    return outcome == Outcome.ALLOW;
  }

  /**
   * The {@code Sid} of the deciding statement; empty for an implicit deny or a statement without
   * one.
   */
  public Optional<String> statementId() {
    return Optional.ofNullable(statementId);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Decision that
        && outcome == that.outcome
        && Objects.equals(statementId, that.statementId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(outcome, statementId);
  }

  @Override
  public String toString() {
    return statementId == null ? outcome.name() : outcome + " by statement " + statementId;
  }
}
