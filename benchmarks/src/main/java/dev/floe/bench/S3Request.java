package dev.floe.bench;

import java.io.IOException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * The two requests every scenario is made of, with the failure naming the request that failed
 * (method, bucket, key, and the S3 status and message the SDK reports).
 */
final class S3Request {
  private static final int READ_BUFFER_BYTES = 64 * 1024;

  private S3Request() {}

  static void put(S3Client client, String bucket, String key, RequestBody body) {
    try {
      client.putObject(request -> request.bucket(bucket).key(key), body);
    } catch (RuntimeException e) {
      throw new IllegalStateException("PUT /" + bucket + "/" + key + " failed: " + BenchTables.describe(e), e);
    }
  }

  /** Reads the whole object and checks that it is as long as expected. */
  static void get(S3Client client, String bucket, String key, long expectedBytes) {
    byte[] buffer = new byte[READ_BUFFER_BYTES];
    long read = 0;
    try (ResponseInputStream<GetObjectResponse> body = client.getObject(request -> request.bucket(bucket).key(key))) {
      for (int n; (n = body.read(buffer)) >= 0; ) {
        read += n;
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "GET /" + bucket + "/" + key + " failed after " + read + " bytes: " + BenchTables.describe(e), e);
    }
    if (read != expectedBytes) {
      throw new IllegalStateException(
          "GET /" + bucket + "/" + key + " returned " + read + " bytes, expected " + expectedBytes);
    }
  }
}
