package dev.floe.s3;

import java.util.EnumSet;
import org.eclipse.jetty.http.UriCompliance;

/**
 * The URI compliance Floe's connector must use. S3 keys may contain empty segments, dot-segments,
 * encoded slashes, {@code ;} and {@code %25}, which Jetty by default rejects as ambiguous or
 * normalizes away; the S3 handler reads the raw path and decodes it itself, so Jetty has to let
 * all of them through untouched.
 */
public final class S3UriCompliance {

  /** Every URI violation Jetty knows is tolerated; the S3 handler decides what is valid. */
  public static final UriCompliance S3 =
      UriCompliance.from(EnumSet.allOf(UriCompliance.Violation.class));

  private S3UriCompliance() {}
}
