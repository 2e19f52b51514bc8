package dev.floe.s3.authz;

import java.util.Optional;

/**
 * The name of the table a uuid belongs to, so that a table's files are authorized under its name
 * ARN ({@code …/table/<namespace>/<name>}) and with {@code s3tables:namespace} / {@code
 * s3tables:tableName}, as the catalog authorizes the table itself. Implementations may remember
 * names for a few seconds: a rename reaches the S3 API's decisions that much later.
 */
public interface TableNames {

  /** No names: table files are authorized by uuid only. */
  TableNames NONE = (warehouse, uuid) -> Optional.empty();

  Optional<TableName> nameOf(String warehouse, String uuid);

  /**
   * A table's name as policies write it.
   *
   * @param namespace the namespace's levels joined with {@code .}
   */
  record TableName(String namespace, String name) {}
}
