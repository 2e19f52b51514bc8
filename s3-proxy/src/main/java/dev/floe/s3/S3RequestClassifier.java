package dev.floe.s3;

import static dev.floe.s3.S3Operation.*;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which S3 operation a request is. S3 encodes the operation in the method, whether a
 * bucket and key are addressed, the query sub-resource ({@code ?tagging}, {@code ?uploads}, …)
 * and, for copies, the {@code x-amz-copy-source} header; the order of the checks below follows
 * the API reference where sub-resources could overlap.
 */
final class S3RequestClassifier {

  /** A sub-resource and the operation it selects. */
  private record Rule(String subresource, S3Operation operation) {}

  private static final List<Rule> GET_BUCKET =
      List.of(
          new Rule("accelerate", GetBucketAccelerateConfiguration),
          new Rule("acl", GetBucketAcl),
          new Rule("cors", GetBucketCors),
          new Rule("encryption", GetBucketEncryption),
          new Rule("lifecycle", GetBucketLifecycleConfiguration),
          new Rule("location", GetBucketLocation),
          new Rule("logging", GetBucketLogging),
          new Rule("metadataTable", GetBucketMetadataTableConfiguration),
          new Rule("notification", GetBucketNotificationConfiguration),
          new Rule("ownershipControls", GetBucketOwnershipControls),
          new Rule("policy", GetBucketPolicy),
          new Rule("policyStatus", GetBucketPolicyStatus),
          new Rule("replication", GetBucketReplication),
          new Rule("requestPayment", GetBucketRequestPayment),
          new Rule("tagging", GetBucketTagging),
          new Rule("versioning", GetBucketVersioning),
          new Rule("website", GetBucketWebsite),
          new Rule("object-lock", GetObjectLockConfiguration),
          new Rule("publicAccessBlock", GetPublicAccessBlock),
          new Rule("uploads", ListMultipartUploads),
          new Rule("versions", ListObjectVersions),
          new Rule("session", CreateSession));

  private static final List<Rule> PUT_BUCKET =
      List.of(
          new Rule("accelerate", PutBucketAccelerateConfiguration),
          new Rule("acl", PutBucketAcl),
          new Rule("analytics", PutBucketAnalyticsConfiguration),
          new Rule("cors", PutBucketCors),
          new Rule("encryption", PutBucketEncryption),
          new Rule("intelligent-tiering", PutBucketIntelligentTieringConfiguration),
          new Rule("inventory", PutBucketInventoryConfiguration),
          new Rule("lifecycle", PutBucketLifecycleConfiguration),
          new Rule("logging", PutBucketLogging),
          new Rule("metrics", PutBucketMetricsConfiguration),
          new Rule("notification", PutBucketNotificationConfiguration),
          new Rule("ownershipControls", PutBucketOwnershipControls),
          new Rule("policy", PutBucketPolicy),
          new Rule("replication", PutBucketReplication),
          new Rule("requestPayment", PutBucketRequestPayment),
          new Rule("tagging", PutBucketTagging),
          new Rule("versioning", PutBucketVersioning),
          new Rule("website", PutBucketWebsite),
          new Rule("object-lock", PutObjectLockConfiguration),
          new Rule("publicAccessBlock", PutPublicAccessBlock));

  private static final List<Rule> DELETE_BUCKET =
      List.of(
          new Rule("analytics", DeleteBucketAnalyticsConfiguration),
          new Rule("cors", DeleteBucketCors),
          new Rule("encryption", DeleteBucketEncryption),
          new Rule("intelligent-tiering", DeleteBucketIntelligentTieringConfiguration),
          new Rule("inventory", DeleteBucketInventoryConfiguration),
          new Rule("lifecycle", DeleteBucketLifecycle),
          new Rule("metadataTable", DeleteBucketMetadataTableConfiguration),
          new Rule("metrics", DeleteBucketMetricsConfiguration),
          new Rule("ownershipControls", DeleteBucketOwnershipControls),
          new Rule("policy", DeleteBucketPolicy),
          new Rule("replication", DeleteBucketReplication),
          new Rule("tagging", DeleteBucketTagging),
          new Rule("website", DeleteBucketWebsite),
          new Rule("publicAccessBlock", DeletePublicAccessBlock));

  private static final List<Rule> GET_OBJECT =
      List.of(
          new Rule("acl", GetObjectAcl),
          new Rule("attributes", GetObjectAttributes),
          new Rule("legal-hold", GetObjectLegalHold),
          new Rule("retention", GetObjectRetention),
          new Rule("tagging", GetObjectTagging),
          new Rule("torrent", GetObjectTorrent),
          new Rule("uploadId", ListParts));

  private static final List<Rule> PUT_OBJECT =
      List.of(
          new Rule("acl", PutObjectAcl),
          new Rule("legal-hold", PutObjectLegalHold),
          new Rule("retention", PutObjectRetention),
          new Rule("tagging", PutObjectTagging),
          new Rule("renameObject", RenameObject));

  private static final List<Rule> DELETE_OBJECT =
      List.of(new Rule("tagging", DeleteObjectTagging), new Rule("uploadId", AbortMultipartUpload));

  private static final List<Rule> POST_OBJECT =
      List.of(
          new Rule("uploads", CreateMultipartUpload),
          new Rule("uploadId", CompleteMultipartUpload),
          new Rule("restore", RestoreObject),
          new Rule("select", SelectObjectContent));

  private S3RequestClassifier() {}

  static S3Request classify(
      String method, S3Address address, S3QueryString query, Map<String, String> headers)
      throws S3ErrorException {
    Optional<S3CopySource> copySource = Optional.empty();
    String copySourceHeader = headers.get("x-amz-copy-source");
    if (copySourceHeader != null) {
      copySource = Optional.of(S3CopySource.parse(copySourceHeader));
    }
    S3Operation operation = operation(method.toUpperCase(Locale.ROOT), address, query, headers);
    if ((operation == CopyObject || operation == UploadPartCopy) != copySource.isPresent()) {
      throw new S3ErrorException(
          S3Error.invalidArgument("x-amz-copy-source is only allowed on copy operations."));
    }
    return new S3Request(
        operation, address.bucket(), address.key(), copySource, query.asMap(), headers);
  }

  private static S3Operation operation(
      String method, S3Address address, S3QueryString query, Map<String, String> headers)
      throws S3ErrorException {
    if (!address.hasBucket()) {
      if (method.equals("GET")) {
        return ListBuckets;
      }
      throw new S3ErrorException(S3Error.methodNotAllowed());
    }
    if (!address.hasKey()) {
      return switch (method) {
        case "GET" -> bucketGet(query);
        case "HEAD" -> HeadBucket;
        case "PUT" -> first(PUT_BUCKET, query).orElse(CreateBucket);
        case "DELETE" -> first(DELETE_BUCKET, query).orElse(DeleteBucket);
        case "POST" -> bucketPost(query, headers);
        default -> throw new S3ErrorException(S3Error.methodNotAllowed());
      };
    }
    return switch (method) {
      case "GET" -> first(GET_OBJECT, query).orElse(GetObject);
      case "HEAD" -> HeadObject;
      case "PUT" -> objectPut(query, headers);
      case "DELETE" -> first(DELETE_OBJECT, query).orElse(DeleteObject);
      case "POST" ->
          first(POST_OBJECT, query)
              .orElseThrow(() -> new S3ErrorException(S3Error.methodNotAllowed()));
      default -> throw new S3ErrorException(S3Error.methodNotAllowed());
    };
  }

  private static S3Operation bucketGet(S3QueryString query) {
    Optional<S3Operation> plain = first(GET_BUCKET, query);
    if (plain.isPresent()) {
      return plain.get();
    }
    boolean byId = query.has("id");
    if (query.has("analytics")) {
      return byId ? GetBucketAnalyticsConfiguration : ListBucketAnalyticsConfigurations;
    }
    if (query.has("intelligent-tiering")) {
      return byId
          ? GetBucketIntelligentTieringConfiguration
          : ListBucketIntelligentTieringConfigurations;
    }
    if (query.has("inventory")) {
      return byId ? GetBucketInventoryConfiguration : ListBucketInventoryConfigurations;
    }
    if (query.has("metrics")) {
      return byId ? GetBucketMetricsConfiguration : ListBucketMetricsConfigurations;
    }
    return "2".equals(query.asMap().get("list-type")) ? ListObjectsV2 : ListObjects;
  }

  private static S3Operation bucketPost(S3QueryString query, Map<String, String> headers)
      throws S3ErrorException {
    if (query.has("delete")) {
      return DeleteObjects;
    }
    if (query.has("metadataTable")) {
      return CreateBucketMetadataTableConfiguration;
    }
    String contentType = headers.getOrDefault("content-type", "");
    if (contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      return PostObject;
    }
    throw new S3ErrorException(S3Error.methodNotAllowed());
  }

  private static S3Operation objectPut(S3QueryString query, Map<String, String> headers) {
    boolean copy = headers.containsKey("x-amz-copy-source");
    if (query.has("partNumber") && query.has("uploadId")) {
      return copy ? UploadPartCopy : UploadPart;
    }
    return first(PUT_OBJECT, query).orElse(copy ? CopyObject : PutObject);
  }

  private static Optional<S3Operation> first(List<Rule> rules, S3QueryString query) {
    return rules.stream()
        .filter(rule -> query.has(rule.subresource()))
        .map(Rule::operation)
        .findFirst();
  }
}
