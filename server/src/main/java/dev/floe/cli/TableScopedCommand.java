package dev.floe.cli;

import org.apache.iceberg.catalog.TableIdentifier;
import picocli.CommandLine.Parameters;

/** A catalog command on one table: {@code ALIAS WAREHOUSE NAMESPACE TABLE ...}. */
abstract class TableScopedCommand extends NamespaceScopedCommand {
  @Parameters(index = "3", paramLabel = "TABLE", description = "Table name.")
  String table;

  TableIdentifier identifier() {
    return TableIdentifier.of(namespace, table);
  }
}
