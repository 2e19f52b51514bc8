package dev.floe.bench;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3 endpoint the benchmark drives: S3Proxy directly or Floe in front of it. Both get clients
 * built here, identical but for endpoint and keys: AWS SDK v2 defaults (checksums included, the
 * default Apache 5 HTTP client), path-style addressing, and no retries, so that a failing request
 * shows instead of being hidden behind a slower figure.
 */
record S3Target(String name, URI endpoint, String accessKey, String secretKey) {
  /** Enough pooled connections for the concurrent scenario's clients, with room to spare. */
  private static final int MAX_CONNECTIONS = 64;
  private static final Duration SOCKET_TIMEOUT = Duration.ofMinutes(2);

  S3Client newClient() {
    return S3Client.builder()
        .endpointOverride(endpoint)
        .region(Region.of(SharedStore.REGION))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
        .forcePathStyle(true)
        .httpClientBuilder(
            Apache5HttpClient.builder()
                .maxConnections(MAX_CONNECTIONS)
                .socketTimeout(SOCKET_TIMEOUT))
        .overrideConfiguration(config -> config.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }
}
