package dev.floe.auth.sigv4;

import dev.floe.auth.SignedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.checksums.spi.ChecksumAlgorithm;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner.AuthLocation;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/** Signs requests with the AWS SDK for Java v2's SigV4 signer, as an S3 or catalog client would. */
final class SdkSigning {

  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  static final String ACCESS_KEY = "FLOEEXAMPLEKEY";
  static final String SECRET_KEY = "s3cr3t/with+odd=chars";

  /** A request as the SDK signed it, and the bytes it would put on the wire as its body. */
  record Signed(SdkHttpRequest request, byte[] wire) {

    SignedRequest asReceived() {
      List<Map.Entry<String, String>> headers = new ArrayList<>();
      request.forEachHeader((name, values) -> values.forEach(v -> headers.add(Map.entry(name, v))));
      if (request.firstMatchingHeader("Host").isEmpty()) {
        headers.add(Map.entry("Host", request.host() + ":" + request.port()));
      }
      return new SignedRequest(
          request.method().name(),
          request.encodedPath(),
          SdkHttpUtils.encodeAndFlattenQueryParameters(request.rawQueryParameters()).orElse(""),
          headers);
    }
  }

  private final SdkHttpRequest.Builder http;
  private byte[] payload = new byte[0];
  private String service = "s3";
  private boolean payloadSigning = true;
  private boolean chunked;
  private ChecksumAlgorithm checksum;
  private Duration presignedFor;

  private SdkSigning(SdkHttpMethod method, String encodedPath) {
    this.http =
        SdkHttpRequest.builder()
            .protocol("https")
            .host("127.0.0.1")
            .port(9000)
            .method(method)
            .encodedPath(encodedPath);
  }

  /** A request for an object key, encoded as S3 clients encode keys. */
  static SdkSigning s3(SdkHttpMethod method, String key) {
    return new SdkSigning(method, "/bucket/" + SdkHttpUtils.urlEncodeIgnoreSlashes(key));
  }

  /** A request for a path that is already encoded, as a catalog client builds it. */
  static SdkSigning path(SdkHttpMethod method, String encodedPath) {
    return new SdkSigning(method, encodedPath);
  }

  SdkSigning query(List<String> namesAndValues) {
    for (int i = 0; i < namesAndValues.size(); i += 2) {
      http.appendRawQueryParameter(namesAndValues.get(i), namesAndValues.get(i + 1));
    }
    return this;
  }

  SdkSigning header(String name, String value) {
    http.appendHeader(name, value);
    return this;
  }

  SdkSigning payload(byte[] payload) {
    this.payload = payload;
    http.putHeader("Content-Length", String.valueOf(payload.length));
    return this;
  }

  SdkSigning service(String service) {
    this.service = service;
    return this;
  }

  SdkSigning unsignedPayload() {
    this.payloadSigning = false;
    return this;
  }

  SdkSigning chunked(ChecksumAlgorithm trailer) {
    this.chunked = true;
    this.checksum = trailer;
    return this;
  }

  SdkSigning presigned(Duration lifetime) {
    this.presignedFor = lifetime;
    return this;
  }

  Signed sign() {
    boolean serviceRules = !service.equals("s3");
    var signed =
        AwsV4HttpSigner.create()
            .sign(
                r -> {
                  r.identity(AwsCredentialsIdentity.create(ACCESS_KEY, SECRET_KEY))
                      .request(http.build())
                      .payload(ContentStreamProvider.fromByteArray(payload))
                      .putProperty(AwsV4HttpSigner.REGION_NAME, "eu-central-1")
                      .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                      .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, serviceRules)
                      .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, serviceRules)
                      .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, payloadSigning)
                      .putProperty(AwsV4HttpSigner.CHUNK_ENCODING_ENABLED, chunked)
                      .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(NOW, ZoneOffset.UTC));
                  if (checksum != null) {
                    r.putProperty(AwsV4HttpSigner.CHECKSUM_ALGORITHM, checksum);
                  }
                  if (presignedFor != null) {
                    r.putProperty(AwsV4HttpSigner.AUTH_LOCATION, AuthLocation.QUERY_STRING)
                        .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, presignedFor);
                  }
                });
    byte[] wire =
        signed
            .payload()
            .map(
                p -> {
                  try (InputStream in = p.newStream()) {
                    return in.readAllBytes();
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                })
            .orElse(payload);
    return new Signed(signed.request(), wire);
  }
}
