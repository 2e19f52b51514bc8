package dev.floe.integrity;

/**
 * What a request does to a bucket or object, in the terms the guard's rules care about. The S3
 * proxy maps each S3 operation to one of these; the guard never sees HTTP.
 */
public enum AccessKind {
  /** Reads an object's bytes or attributes (GetObject, HeadObject, a copy's source, …). */
  READ_OBJECT,
  /** Reads bucket-level state: listings, configuration reads, HeadBucket. */
  READ_BUCKET,
  /** Creates an object: PutObject, multipart create/part/complete, copy destination, POST form. */
  CREATE_OBJECT,
  /** Changes an existing object without rewriting it: ACL, tags, retention, legal hold, restore. */
  MODIFY_OBJECT,
  /** Abandons an unfinished multipart upload; no stored object is touched. */
  ABORT_UPLOAD,
  /** Removes objects: DeleteObject, DeleteObjects, RenameObject. */
  DELETE_OBJECT,
  CREATE_BUCKET,
  DELETE_BUCKET,
  /** Changes bucket configuration: lifecycle, object lock, policy, versioning, replication, … */
  CONFIGURE_BUCKET
}
