package dev.floe.cli;

import picocli.CommandLine.Parameters;

/** A catalog command on one warehouse: {@code ALIAS WAREHOUSE ...}. */
abstract class WarehouseScopedCommand extends CatalogCommand {
  @Parameters(index = "1", paramLabel = "WAREHOUSE", description = "Warehouse name.")
  String warehouse;
}
