package dev.floe.cli;

import org.apache.iceberg.catalog.Namespace;
import picocli.CommandLine.Parameters;

/** A catalog command on one namespace: {@code ALIAS WAREHOUSE NAMESPACE ...}. */
abstract class NamespaceScopedCommand extends WarehouseScopedCommand {
  @Parameters(
      index = "2",
      paramLabel = "NAMESPACE",
      converter = NamespaceConverter.class,
      description = "Namespace, with dots between levels: sales or sales.eu.")
  Namespace namespace;
}
