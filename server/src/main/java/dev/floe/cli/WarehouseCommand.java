package dev.floe.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code floe table warehouse}: warehouses, each one bucket of the backing store. */
@Command(
    name = "warehouse",
    description = "Create, list and remove warehouses (each is one bucket holding its catalog).",
    subcommands = {
      WarehouseCommand.CreateWarehouse.class,
      WarehouseCommand.ListWarehouses.class,
      WarehouseCommand.RemoveWarehouse.class
    })
final class WarehouseCommand {

  @Command(
      name = "create",
      description = "Create a warehouse; its name follows S3 bucket naming rules.",
      footerHeading = "%nExample:%n",
      footer = "  floe table warehouse create local analytics")
  static final class CreateWarehouse extends WarehouseScopedCommand {
    @Option(
        names = {"-p", "--ignore-existing"},
        description = "Succeed if the warehouse already exists.")
    boolean ignoreExisting;

    @Option(
        names = "--upgrade-existing",
        description = "Turn an existing bucket of the backing store into a warehouse.")
    boolean upgradeExisting;

    @Override
    void run(CatalogClient catalog, Output output) {
      Warehouse created;
      String verb = "Created";
      try {
        created = catalog.createWarehouse(warehouse, upgradeExisting);
      } catch (CatalogRequestException e) {
        if (!ignoreExisting || e.status() != 409) {
          throw e;
        }
        created = catalog.warehouse(warehouse);
        verb = "Found existing";
      }
      String message = verb + " warehouse '" + created.name() + "'.";
      output.emit(describe(created), out -> out.println(message));
    }
  }

  @Command(name = "list", aliases = "ls", description = "List the warehouses.")
  static final class ListWarehouses extends CatalogCommand {
    @Override
    void run(CatalogClient catalog, Output output) {
      List<Warehouse> warehouses = catalog.listWarehouses();
      ObjectNode document = Output.object();
      ArrayNode entries = document.putArray("warehouses");
      warehouses.forEach(warehouse -> entries.add(describe(warehouse)));
      TextTable table = TextTable.withColumns("WAREHOUSE", "CREATED", "ID");
      warehouses.forEach(w -> table.row(w.name(), toSeconds(w.createdAt()), w.id()));
      output.emit(
          document,
          out -> {
            if (warehouses.isEmpty()) {
              out.println("No warehouses on '" + alias + "'.");
            } else {
              table.print(out, "");
            }
          });
    }
  }

  @Command(
      name = "remove",
      aliases = "rm",
      description = "Remove a warehouse; it must be empty unless --purge is given.")
  static final class RemoveWarehouse extends WarehouseScopedCommand {
    @Option(
        names = "--purge",
        description = "Also remove every namespace, table and data file in it.")
    boolean purge;

    @Override
    void run(CatalogClient catalog, Output output) {
      try {
        catalog.removeWarehouse(warehouse, purge);
      } catch (CatalogRequestException e) {
        if (purge || e.status() != 409) {
          throw e;
        }
        throw new CatalogRequestException(
            e.status(),
            e.type(),
            e.getMessage() + "; add --purge to remove it with everything in it");
      }
      output.emit(
          Output.success().put("warehouse", warehouse).put("purged", purge),
          out ->
              out.println(
                  "Removed warehouse '" + warehouse + "'" + (purge ? " and all its data." : ".")));
    }
  }

  /** Creation times for people: to the second, as the server's may carry nanoseconds. */
  private static String toSeconds(String timestamp) {
    if (timestamp == null) {
      return "";
    }
    try {
      return Instant.parse(timestamp).truncatedTo(ChronoUnit.SECONDS).toString();
    } catch (DateTimeParseException e) {
      return timestamp;
    }
  }

  private static ObjectNode describe(Warehouse warehouse) {
    ObjectNode node =
        Output.object()
            .put("name", warehouse.name())
            .put("id", warehouse.id())
            .put("created-at", warehouse.createdAt());
    node.set("properties", Output.properties(warehouse.properties()));
    return node;
  }
}
