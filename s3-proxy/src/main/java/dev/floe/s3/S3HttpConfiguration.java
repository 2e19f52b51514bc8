package dev.floe.s3;

import org.eclipse.jetty.server.HttpConfiguration;

/**
 * What the connector serving S3 requests must be told so that requests reach the S3 handler as
 * the client signed them.
 */
public final class S3HttpConfiguration {

  private S3HttpConfiguration() {}

  /**
   * Applies {@link S3UriCompliance#S3} (raw keys with {@code //}, {@code ..}, {@code %2F}) and a
   * case-sensitive header cache: by default Jetty may hand over a cached field whose value differs
   * in case from what arrived ({@code charset=utf-8} for {@code charset=UTF-8}), which breaks
   * every signature that covers that header.
   */
  public static void applyTo(HttpConfiguration configuration) {
    configuration.setUriCompliance(S3UriCompliance.S3);
    configuration.setHeaderCacheCaseSensitive(true);
  }
}
