package dev.floe.s3.authz;

import java.util.Objects;
import java.util.Optional;

/**
 * One permission an S3 operation needs: an {@code s3:} action, which resource it is asked on, and
 * what it amounts to when that resource is a table's file.
 *
 * @param action the {@code s3:} action, as in AWS's "Actions, resources, and condition keys for
 *     Amazon S3"
 * @param versionAction the action AWS asks for instead when the request names a version ({@code
 *     s3:GetObjectVersion} for {@code s3:GetObject}), when there is one
 * @param resource which ARN the action is asked on
 * @param tableData what the action does to a table's data in a warehouse bucket
 */
record S3ActionRule(
    String action, Optional<String> versionAction, Resource resource, TableData tableData) {

  /** Which ARN an action is asked on. */
  enum Resource {
    /** No bucket: {@code arn:aws:s3:::*}, as AWS policies write it for ListAllMyBuckets. */
    SERVICE,
    /** The addressed bucket: {@code arn:aws:s3:::<bucket>}. */
    BUCKET,
    /** The addressed object: {@code arn:aws:s3:::<bucket>/<key>}. */
    OBJECT,
    /**
     * Objects named only in a body the proxy streams without reading (a POST upload's form, a
     * rename's source): every object of the bucket, {@code arn:aws:s3:::<bucket>/*}.
     */
    ANY_OBJECT,
    /** Each object a DeleteObjects body names, on its own ARN: the proxy reads that body first. */
    BODY_OBJECTS,
    /** The object a copy reads, from {@code x-amz-copy-source}. */
    COPY_SOURCE
  }

  /** What an action amounts to on a table's file, where {@code s3tables:} actions replace it. */
  enum TableData {
    /** {@code s3tables:GetTableData} on the table that owns the key. */
    READ,
    /** {@code s3tables:PutTableData} on the table that owns the key. */
    WRITE,
    /**
     * A listing: {@code s3tables:GetTableData} on the table when its prefix lies inside one table's
     * location, else the {@code s3:} action on the bucket. Carries {@code s3:prefix}, {@code
     * s3:delimiter} and {@code s3:max-keys}.
     */
    LIST,
    /** Not table data: the {@code s3:} action applies in warehouses too. */
    NONE
  }

  S3ActionRule {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(versionAction, "versionAction");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(tableData, "tableData");
  }

  static S3ActionRule service(String action) {
    return new S3ActionRule(action, Optional.empty(), Resource.SERVICE, TableData.NONE);
  }

  static S3ActionRule bucket(String action) {
    return new S3ActionRule(action, Optional.empty(), Resource.BUCKET, TableData.NONE);
  }

  static S3ActionRule listing(String action) {
    return new S3ActionRule(action, Optional.empty(), Resource.BUCKET, TableData.LIST);
  }

  static S3ActionRule object(String action, TableData tableData) {
    return new S3ActionRule(action, Optional.empty(), Resource.OBJECT, tableData);
  }

  static S3ActionRule versionedObject(String action, String versionAction, TableData tableData) {
    return new S3ActionRule(action, Optional.of(versionAction), Resource.OBJECT, tableData);
  }

  static S3ActionRule anyObject(String action) {
    return new S3ActionRule(action, Optional.empty(), Resource.ANY_OBJECT, TableData.NONE);
  }

  static S3ActionRule eachBodyObject(String action, String versionAction, TableData tableData) {
    return new S3ActionRule(action, Optional.of(versionAction), Resource.BODY_OBJECTS, tableData);
  }

  static S3ActionRule copySource() {
    return new S3ActionRule(
        "s3:GetObject", Optional.of("s3:GetObjectVersion"), Resource.COPY_SOURCE, TableData.READ);
  }
}
