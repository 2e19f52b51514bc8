package dev.floe.auth.policy;

import java.util.List;
import java.util.Optional;

/**
 * An IAM policy document, parsed and compiled: immutable, safe to share between threads and to
 * evaluate any number of times.
 *
 * <p>Floe's policies are identity policies (attached to users, groups and access keys), so a {@code
 * Principal} element is refused. Without a {@code Version}, IAM's 2008-10-17 rules apply: {@code
 * ${…}} is plain text rather than a policy variable.
 */
public final class PolicyDocument {

  /** The current policy language version, the one with policy variables. */
  public static final String VERSION_2012_10_17 = "2012-10-17";

  /** The original version, whose text is taken literally. */
  public static final String VERSION_2008_10_17 = "2008-10-17";

  private final String version;
  private final String id;
  private final List<Statement> statements;

  PolicyDocument(String version, String id, List<Statement> statements) {
    this.version = version;
    this.id = id;
    this.statements = List.copyOf(statements);
  }

  /**
   * Parses an IAM policy.
   *
   * @throws PolicyParseException naming the offending element when {@code json} is not a valid
   *     policy
   */
  public static PolicyDocument parse(String json) {
    return PolicyParser.parse(json);
  }

  /** The {@code Version} element, if the document has one. */
  public Optional<String> version() {
    return Optional.ofNullable(version);
  }

  /** The {@code Id} element, if the document has one. */
  public Optional<String> id() {
    return Optional.ofNullable(id);
  }

  public List<Statement> statements() {
    return statements;
  }

  @Override
  public String toString() {
    return "PolicyDocument"
        + (id == null ? "" : " " + id)
        + " with "
        + statements.size()
        + " statement(s)";
  }
}
