package dev.floe.s3;

/** A request Floe itself refuses with the given S3 error, before or instead of forwarding it. */
public class S3ErrorException extends Exception {

  private final S3Error error;

  public S3ErrorException(S3Error error) {
    super(error.message());
    this.error = error;
  }

  public S3Error error() {
    return error;
  }
}
