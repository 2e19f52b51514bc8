package dev.floe.s3;

import org.eclipse.jetty.server.HttpConfiguration;

/**
 * What the connector serving S3 requests must be told so that requests reach the S3 handler as
 * the client signed them, and so that object bodies arrive in large pieces.
 */
public final class S3HttpConfiguration {

  /**
   * Bytes read from a client connection at once. Jetty's default (8 KiB) splits an upload into
   * as many reads, each handed through the body's decoding and verification separately.
   */
  static final int INPUT_BUFFER_SIZE = 64 * 1024;

  private S3HttpConfiguration() {}

  /**
   * Applies {@link S3UriCompliance#S3} (raw keys with {@code //}, {@code ..}, {@code %2F}) and a
   * case-sensitive header cache: by default Jetty may hand over a cached field whose value differs
   * in case from what arrived ({@code charset=utf-8} for {@code charset=UTF-8}), which breaks
   * every signature that covers that header. Also sets the size of reads from the client ({@link
   * #INPUT_BUFFER_SIZE}); call it before the connection factory is made from the configuration.
   */
  public static void applyTo(HttpConfiguration configuration) {
    configuration.setUriCompliance(S3UriCompliance.S3);
    configuration.setHeaderCacheCaseSensitive(true);
    configuration.setInputBufferSize(INPUT_BUFFER_SIZE);
  }
}
