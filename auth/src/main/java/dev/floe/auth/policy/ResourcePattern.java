package dev.floe.auth.policy;

/**
 * One entry of a {@code Resource} or {@code NotResource} element (and a value of the {@code Arn…}
 * condition operators): {@code *}, or an ARN whose parts may hold wildcards and policy variables.
 *
 * <p>Parts are matched one by one, as IAM does, so a wildcard in the partition cannot run into the
 * service; in the resource part {@code *} spans {@code /} and {@code :}. The region and account
 * parts are ignored on both sides: Floe has one region and no accounts, so {@code
 * arn:aws:s3tables:us-east-1:123456789012:bucket/wh} (as AWS tools write it) and {@code
 * arn:aws:s3tables:::bucket/wh} (as AIStor writes it) name the same warehouse, in a policy or in a
 * request.
 */
final class ResourcePattern {

  /** The pattern with its policy variables substituted for one request. */
  static final class Resolved {
    private final WildcardPattern partition;
    private final WildcardPattern service;
    private final WildcardPattern resource;

    private Resolved(WildcardPattern partition, WildcardPattern service, WildcardPattern resource) {
      this.partition = partition;
      this.service = service;
      this.resource = resource;
    }

    /**
     * Whether the ARN matches; a resource that is not an ARN ({@code arn} null) only matches {@code
     * *}.
     */
    boolean matches(Arn arn) {
      if (resource == null) {
        return true;
      }
      return arn != null
          && resource.matches(arn.resource())
          && service.matches(arn.service())
          && partition.matches(arn.partition());
    }
  }

  private static final Resolved ANY = new Resolved(null, null, null);

  private final String source;
  private final PolicyTemplate partition;
  private final PolicyTemplate service;
  private final PolicyTemplate resource;
  private final Resolved constant;

  private ResourcePattern(
      String source, PolicyTemplate partition, PolicyTemplate service, PolicyTemplate resource) {
    this.source = source;
    this.partition = partition;
    this.service = service;
    this.resource = resource;
    boolean hasVariables =
        resource != null
            && (partition.hasVariables() || service.hasVariables() || resource.hasVariables());
    this.constant = hasVariables ? null : resolveParts(null);
  }

  static ResourcePattern parse(String source, boolean substituteVariables, String element) {
    if (source.equals("*")) {
      return new ResourcePattern(source, null, null, null);
    }
    Arn parts = Arn.parse(source);
    if (parts == null) {
      throw new PolicyParseException(
          element,
          "\""
              + source
              + "\" is neither \"*\" nor an ARN (arn:partition:service:region:account:resource)");
    }
    return new ResourcePattern(
        source,
        PolicyTemplate.parse(parts.partition(), substituteVariables, element),
        PolicyTemplate.parse(parts.service(), substituteVariables, element),
        PolicyTemplate.parse(parts.resource(), substituteVariables, element));
  }

  boolean hasVariables() {
    return constant == null;
  }

  /** The pattern for this request, or null when one of its policy variables has no value. */
  Resolved resolve(AuthorizationRequest request) {
    return constant != null ? constant : resolveParts(request);
  }

  private Resolved resolveParts(AuthorizationRequest request) {
    if (resource == null) {
      return ANY;
    }
    WildcardPattern resolvedPartition = partition.resolvePattern(request);
    WildcardPattern resolvedService = service.resolvePattern(request);
    WildcardPattern resolvedResource = resource.resolvePattern(request);
    if (resolvedPartition == null || resolvedService == null || resolvedResource == null) {
      return null;
    }
    return new Resolved(resolvedPartition, resolvedService, resolvedResource);
  }

  @Override
  public String toString() {
    return source;
  }
}
