package dev.floe.s3.authz;

import static dev.floe.s3.authz.S3ActionRule.TableData.READ;
import static dev.floe.s3.authz.S3ActionRule.TableData.WRITE;
import static dev.floe.s3.authz.S3ActionRule.anyObject;
import static dev.floe.s3.authz.S3ActionRule.bucket;
import static dev.floe.s3.authz.S3ActionRule.copySource;
import static dev.floe.s3.authz.S3ActionRule.eachBodyObject;
import static dev.floe.s3.authz.S3ActionRule.listing;
import static dev.floe.s3.authz.S3ActionRule.object;
import static dev.floe.s3.authz.S3ActionRule.service;
import static dev.floe.s3.authz.S3ActionRule.versionedObject;

import dev.floe.s3.S3Operation;
import java.util.List;

/**
 * The one table of S3 operation → the {@code s3:} actions it needs, with AWS's names from
 * "Actions, resources, and condition keys for Amazon S3", published in {@code
 * docs/authorization.md}. Where AWS asks for several permissions (a copy reads its source and
 * writes its destination) an operation lists them all, and every one must be allowed.
 *
 * <p>The switch has no default branch, so a new {@link S3Operation} does not compile until it is
 * mapped here.
 */
final class S3OperationActions {

  private S3OperationActions() {}

  static List<S3ActionRule> of(S3Operation operation) {
    return switch (operation) {
      case ListBuckets -> List.of(service("s3:ListAllMyBuckets"));

      case CreateBucket -> List.of(bucket("s3:CreateBucket"));
      case DeleteBucket -> List.of(bucket("s3:DeleteBucket"));
      case HeadBucket -> List.of(bucket("s3:ListBucket"));
      case CreateSession -> List.of(bucket("s3express:CreateSession"));
      case ListObjects, ListObjectsV2 -> List.of(listing("s3:ListBucket"));
      case ListObjectVersions -> List.of(listing("s3:ListBucketVersions"));
      case ListMultipartUploads -> List.of(listing("s3:ListBucketMultipartUploads"));

      case GetBucketAccelerateConfiguration -> List.of(bucket("s3:GetAccelerateConfiguration"));
      case PutBucketAccelerateConfiguration -> List.of(bucket("s3:PutAccelerateConfiguration"));
      case GetBucketAcl -> List.of(bucket("s3:GetBucketAcl"));
      case PutBucketAcl -> List.of(bucket("s3:PutBucketAcl"));
      case GetBucketAnalyticsConfiguration, ListBucketAnalyticsConfigurations ->
          List.of(bucket("s3:GetAnalyticsConfiguration"));
      case PutBucketAnalyticsConfiguration, DeleteBucketAnalyticsConfiguration ->
          List.of(bucket("s3:PutAnalyticsConfiguration"));
      case GetBucketCors -> List.of(bucket("s3:GetBucketCORS"));
      case PutBucketCors, DeleteBucketCors -> List.of(bucket("s3:PutBucketCORS"));
      case GetBucketEncryption -> List.of(bucket("s3:GetEncryptionConfiguration"));
      case PutBucketEncryption, DeleteBucketEncryption ->
          List.of(bucket("s3:PutEncryptionConfiguration"));
      case GetBucketIntelligentTieringConfiguration, ListBucketIntelligentTieringConfigurations ->
          List.of(bucket("s3:GetIntelligentTieringConfiguration"));
      case PutBucketIntelligentTieringConfiguration, DeleteBucketIntelligentTieringConfiguration ->
          List.of(bucket("s3:PutIntelligentTieringConfiguration"));
      case GetBucketInventoryConfiguration, ListBucketInventoryConfigurations ->
          List.of(bucket("s3:GetInventoryConfiguration"));
      case PutBucketInventoryConfiguration, DeleteBucketInventoryConfiguration ->
          List.of(bucket("s3:PutInventoryConfiguration"));
      case GetBucketLifecycleConfiguration -> List.of(bucket("s3:GetLifecycleConfiguration"));
      case PutBucketLifecycleConfiguration, DeleteBucketLifecycle ->
          List.of(bucket("s3:PutLifecycleConfiguration"));
      case GetBucketLocation -> List.of(bucket("s3:GetBucketLocation"));
      case GetBucketLogging -> List.of(bucket("s3:GetBucketLogging"));
      case PutBucketLogging -> List.of(bucket("s3:PutBucketLogging"));
      case CreateBucketMetadataTableConfiguration ->
          List.of(bucket("s3:CreateBucketMetadataTableConfiguration"));
      case GetBucketMetadataTableConfiguration ->
          List.of(bucket("s3:GetBucketMetadataTableConfiguration"));
      case DeleteBucketMetadataTableConfiguration ->
          List.of(bucket("s3:DeleteBucketMetadataTableConfiguration"));
      case GetBucketMetricsConfiguration, ListBucketMetricsConfigurations ->
          List.of(bucket("s3:GetMetricsConfiguration"));
      case PutBucketMetricsConfiguration, DeleteBucketMetricsConfiguration ->
          List.of(bucket("s3:PutMetricsConfiguration"));
      case GetBucketNotificationConfiguration -> List.of(bucket("s3:GetBucketNotification"));
      case PutBucketNotificationConfiguration -> List.of(bucket("s3:PutBucketNotification"));
      case GetBucketOwnershipControls -> List.of(bucket("s3:GetBucketOwnershipControls"));
      case PutBucketOwnershipControls, DeleteBucketOwnershipControls ->
          List.of(bucket("s3:PutBucketOwnershipControls"));
      case GetBucketPolicy -> List.of(bucket("s3:GetBucketPolicy"));
      case PutBucketPolicy -> List.of(bucket("s3:PutBucketPolicy"));
      case DeleteBucketPolicy -> List.of(bucket("s3:DeleteBucketPolicy"));
      case GetBucketPolicyStatus -> List.of(bucket("s3:GetBucketPolicyStatus"));
      case GetBucketReplication -> List.of(bucket("s3:GetReplicationConfiguration"));
      case PutBucketReplication, DeleteBucketReplication ->
          List.of(bucket("s3:PutReplicationConfiguration"));
      case GetBucketRequestPayment -> List.of(bucket("s3:GetBucketRequestPayment"));
      case PutBucketRequestPayment -> List.of(bucket("s3:PutBucketRequestPayment"));
      case GetBucketTagging -> List.of(bucket("s3:GetBucketTagging"));
      case PutBucketTagging, DeleteBucketTagging -> List.of(bucket("s3:PutBucketTagging"));
      case GetBucketVersioning -> List.of(bucket("s3:GetBucketVersioning"));
      case PutBucketVersioning -> List.of(bucket("s3:PutBucketVersioning"));
      case GetBucketWebsite -> List.of(bucket("s3:GetBucketWebsite"));
      case PutBucketWebsite -> List.of(bucket("s3:PutBucketWebsite"));
      case DeleteBucketWebsite -> List.of(bucket("s3:DeleteBucketWebsite"));
      case GetObjectLockConfiguration -> List.of(bucket("s3:GetBucketObjectLockConfiguration"));
      case PutObjectLockConfiguration -> List.of(bucket("s3:PutBucketObjectLockConfiguration"));
      case GetPublicAccessBlock -> List.of(bucket("s3:GetBucketPublicAccessBlock"));
      case PutPublicAccessBlock, DeletePublicAccessBlock ->
          List.of(bucket("s3:PutBucketPublicAccessBlock"));

      case GetObject, HeadObject ->
          List.of(versionedObject("s3:GetObject", "s3:GetObjectVersion", READ));
      case SelectObjectContent -> List.of(object("s3:GetObject", READ));
      case GetObjectAttributes ->
          List.of(
              versionedObject("s3:GetObject", "s3:GetObjectVersion", READ),
              versionedObject("s3:GetObjectAttributes", "s3:GetObjectVersionAttributes", READ));
      case GetObjectAcl -> List.of(versionedObject("s3:GetObjectAcl", "s3:GetObjectVersionAcl", READ));
      case GetObjectTagging ->
          List.of(versionedObject("s3:GetObjectTagging", "s3:GetObjectVersionTagging", READ));
      case GetObjectTorrent ->
          List.of(versionedObject("s3:GetObjectTorrent", "s3:GetObjectVersionTorrent", READ));
      case GetObjectLegalHold -> List.of(object("s3:GetObjectLegalHold", READ));
      case GetObjectRetention -> List.of(object("s3:GetObjectRetention", READ));
      case ListParts -> List.of(object("s3:ListMultipartUploadParts", READ));

      case PutObject, CreateMultipartUpload, UploadPart, CompleteMultipartUpload ->
          List.of(object("s3:PutObject", WRITE));
      case CopyObject, UploadPartCopy -> List.of(object("s3:PutObject", WRITE), copySource());
      case AbortMultipartUpload -> List.of(object("s3:AbortMultipartUpload", WRITE));
      case PutObjectAcl -> List.of(versionedObject("s3:PutObjectAcl", "s3:PutObjectVersionAcl", WRITE));
      case PutObjectTagging ->
          List.of(versionedObject("s3:PutObjectTagging", "s3:PutObjectVersionTagging", WRITE));
      case DeleteObjectTagging ->
          List.of(versionedObject("s3:DeleteObjectTagging", "s3:DeleteObjectVersionTagging", WRITE));
      case PutObjectLegalHold -> List.of(object("s3:PutObjectLegalHold", WRITE));
      case PutObjectRetention -> List.of(object("s3:PutObjectRetention", WRITE));
      case RestoreObject -> List.of(object("s3:RestoreObject", WRITE));
      case DeleteObject ->
          List.of(versionedObject("s3:DeleteObject", "s3:DeleteObjectVersion", WRITE));
      case RenameObject -> List.of(object("s3:PutObject", WRITE), anyObject("s3:DeleteObject"));
      case DeleteObjects -> List.of(eachBodyObject("s3:DeleteObject", "s3:DeleteObjectVersion", WRITE));
      case PostObject -> List.of(anyObject("s3:PutObject"));
    };
  }
}
