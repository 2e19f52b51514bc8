package dev.floe.s3;

/** A refusal by an {@link S3AccessCheck}: 403 AccessDenied with a message naming the rule. */
public class S3AccessDeniedException extends S3ErrorException {

  public S3AccessDeniedException(String message) {
    super(new S3Error(403, "AccessDenied", message));
  }
}
