package dev.floe.s3.guard;

import dev.floe.integrity.AccessKind;
import dev.floe.integrity.GuardedAccess;
import dev.floe.s3.S3Operation;
import dev.floe.s3.S3Request;
import java.util.ArrayList;
import java.util.List;

/**
 * What an S3 request does, in the integrity guard's terms: the access to the addressed bucket or
 * object and, for copies, the read of the copy source. Unknown future operations on a bucket or
 * object count as configuration changes or modifications, so a new operation is refused in
 * warehouses until it is classified here.
 */
final class GuardedAccesses {

  private GuardedAccesses() {}

  static List<GuardedAccess> of(S3Request request) {
    List<GuardedAccess> accesses = new ArrayList<>(2);
    if (request.hasBucket()) {
      accesses.add(new GuardedAccess(kind(request.operation()), request.bucket(), request.key()));
    }
    request
        .copySource()
        .ifPresent(
            source ->
                accesses.add(
                    new GuardedAccess(AccessKind.READ_OBJECT, source.bucket(), source.key())));
    return accesses;
  }

  static AccessKind kind(S3Operation operation) {
    return switch (operation) {
      case GetObject, HeadObject, GetObjectAcl, GetObjectAttributes, GetObjectLegalHold,
          GetObjectRetention, GetObjectTagging, GetObjectTorrent, SelectObjectContent ->
          AccessKind.READ_OBJECT;
      case PutObject, CopyObject, CreateMultipartUpload, UploadPart, UploadPartCopy,
          CompleteMultipartUpload, PostObject -> AccessKind.CREATE_OBJECT;
      case AbortMultipartUpload -> AccessKind.ABORT_UPLOAD;
      case PutObjectAcl, PutObjectTagging, DeleteObjectTagging, PutObjectRetention,
          PutObjectLegalHold, RestoreObject -> AccessKind.MODIFY_OBJECT;
      case DeleteObject, DeleteObjects, RenameObject -> AccessKind.DELETE_OBJECT;
      case CreateBucket -> AccessKind.CREATE_BUCKET;
      case DeleteBucket -> AccessKind.DELETE_BUCKET;
      case HeadBucket, ListBuckets, ListObjects, ListObjectsV2, ListObjectVersions,
          ListMultipartUploads, ListParts, CreateSession -> AccessKind.READ_BUCKET;
      default -> operation.name().startsWith("Get") || operation.name().startsWith("List")
          ? AccessKind.READ_BUCKET
          : AccessKind.CONFIGURE_BUCKET;
    };
  }
}
