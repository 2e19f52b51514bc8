package dev.floe.s3;

/**
 * Which writes may only create their object, never replace an existing one. For those the proxy
 * forwards PutObject and CompleteMultipartUpload with {@code If-None-Match: *}, so the store
 * itself refuses an overwrite atomically, and refuses CopyObject and CompleteMultipartUpload onto
 * a key that already exists (checked with a HEAD first, because not every store honours
 * {@code If-None-Match} on a copy destination or a multipart completion).
 */
public interface CreateOnlyWrites {

  /** The rule name a refused overwrite is reported under. */
  String CREATE_ONLY_RULE = "create-only";

  /** Nothing is create-only: plain S3 semantics. */
  CreateOnlyWrites NONE = request -> false;

  boolean appliesTo(S3Request request);

  /** Told when the proxy refused a write because its key already existed. */
  default void refusedOverwrite() {}
}
