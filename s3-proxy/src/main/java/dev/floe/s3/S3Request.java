package dev.floe.s3;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a request is, in S3 terms, as {@link S3AccessCheck}s see it.
 *
 * @param operation the S3 API operation
 * @param bucket the addressed bucket, or empty for service-level operations (ListBuckets)
 * @param key the addressed key, decoded and never normalized, or empty for bucket-level operations
 * @param copySource the object a CopyObject or UploadPartCopy reads, when there is one
 * @param query the decoded query parameters without presigned-URL authentication (first value per
 *     name; sub-resources such as {@code uploads} map to the empty string)
 * @param headers the request headers, names lower-cased, repeated headers joined with {@code ,}
 * @param sourceIp the client's address ({@code aws:SourceIp}), empty when not known
 * @param secure whether the request came over TLS ({@code aws:SecureTransport})
 * @param bodyObjects the objects a DeleteObjects body names, once the body has been read (it is
 *     read only when policies need them); empty otherwise
 */
public record S3Request(
    S3Operation operation,
    String bucket,
    String key,
    Optional<S3CopySource> copySource,
    Map<String, String> query,
    Map<String, String> headers,
    Optional<String> sourceIp,
    boolean secure,
    List<BodyObject> bodyObjects) {

  public S3Request {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(copySource, "copySource");
    query = Map.copyOf(query);
    headers = Map.copyOf(headers);
    Objects.requireNonNull(sourceIp, "sourceIp");
    bodyObjects = List.copyOf(bodyObjects);
  }

  /** A request whose connection is not known yet: the classifier sees only the HTTP message. */
  public S3Request(
      S3Operation operation,
      String bucket,
      String key,
      Optional<S3CopySource> copySource,
      Map<String, String> query,
      Map<String, String> headers) {
    this(operation, bucket, key, copySource, query, headers, Optional.empty(), false, List.of());
  }

  /** The same request, as received from {@code sourceIp} over a TLS connection or not. */
  public S3Request from(String sourceIp, boolean secure) {
    return new S3Request(
        operation, bucket, key, copySource, query, headers, Optional.ofNullable(sourceIp), secure,
        bodyObjects);
  }

  /** The same request, with the objects its body names. */
  public S3Request withBodyObjects(List<BodyObject> objects) {
    return new S3Request(operation, bucket, key, copySource, query, headers, sourceIp, secure, objects);
  }

  public boolean hasBucket() {
    return !bucket.isEmpty();
  }

  public boolean hasKey() {
    return !key.isEmpty();
  }

  /** A header's value, the name matched case-insensitively. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }
}
