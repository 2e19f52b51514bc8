package dev.floe.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.rest.requests.CreateTableRequest;
import org.apache.iceberg.rest.responses.LoadTableResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;

/** {@code floe table}: warehouses, namespaces and tables, like MinIO's {@code mc table}. */
@Command(
    name = "table",
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    sortOptions = false,
    versionProvider = FloeVersion.class,
    description =
        "Manage warehouses, namespaces and Iceberg tables of a Floe server. Create them in that"
            + " order (warehouse, namespace, table); remove them in the reverse one.",
    subcommands = {
      WarehouseCommand.class,
      NamespaceCommand.class,
      TableCommand.CreateTable.class,
      TableCommand.ListTables.class,
      TableCommand.ShowTable.class,
      TableCommand.RenameTable.class,
      TableCommand.RemoveTable.class
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  floe table warehouse create local analytics",
      "  floe table namespace create local analytics sales",
      "  floe table create local analytics sales orders --schema '{\"type\":\"struct\",",
      "    \"fields\":[{\"id\":1,\"name\":\"id\",\"type\":\"long\",\"required\":true}]}'",
      "  floe table list local analytics sales"
    })
final class TableCommand {
  @Mixin(name = GlobalOptions.MIXIN_NAME)
  GlobalOptions globalOptions;

  @Command(
      name = "create",
      description = "Create a table (format v3 unless --format-version says otherwise).",
      footerHeading = "%nExample:%n",
      footer = {
        "  floe table create local analytics sales orders --schema '{\"type\":\"struct\",",
        "    \"fields\":[{\"id\":1,\"name\":\"id\",\"type\":\"long\",\"required\":true},",
        "    {\"id\":2,\"name\":\"ts\",\"type\":\"timestamptz\",\"required\":false}]}' \\",
        "    --partition-spec '{\"fields\":[{\"source-id\":2,\"transform\":\"day\",",
        "    \"name\":\"ts_day\"}]}'"
      })
  static final class CreateTable extends TableScopedCommand {
    @Option(
        names = "--schema",
        required = true,
        paramLabel = "JSON",
        description = "Iceberg schema JSON: {\"type\":\"struct\",\"fields\":[...]}.")
    String schema;

    @Option(
        names = "--partition-spec",
        paramLabel = "JSON",
        description =
            "Iceberg partition spec JSON: {\"fields\":[{\"source-id\":1,\"transform\":\"day\","
                + "\"name\":\"ts_day\"}]}; \"spec-id\" defaults to 0.")
    String partitionSpec;

    @Option(
        names = {"-a", "--property"},
        paramLabel = "KEY=VALUE",
        description = "A table property; repeat for more.")
    Map<String, String> properties = new LinkedHashMap<>();

    @Option(
        names = "--format-version",
        paramLabel = "N",
        description = "Iceberg format version of the new table (1, 2 or 3).")
    Integer formatVersion;

    @Option(
        names = {"-p", "--ignore-existing"},
        description = "Succeed if the table already exists (it is left as it is).")
    boolean ignoreExisting;

    @Override
    void run(CatalogClient catalog, Output output) {
      CreateTableRequest request = request();
      LoadTableResponse table;
      String verb = "Created";
      try {
        table = catalog.createTable(warehouse, namespace, request);
      } catch (CatalogRequestException e) {
        if (!ignoreExisting || e.status() != 409) {
          throw e;
        }
        table = catalog.loadTable(warehouse, identifier());
        verb = "Found existing";
      }
      TableDescription description = new TableDescription(warehouse, identifier(), table);
      String message = verb + " table '" + identifier() + "' in warehouse '" + warehouse + "'.";
      output.emit(
          description.toJson(),
          out -> {
            out.println(message);
            out.println();
            description.print(out);
          });
    }

    private CreateTableRequest request() {
      Schema parsedSchema;
      PartitionSpec parsedSpec;
      try {
        parsedSchema = TableDefinition.schema(schema);
        parsedSpec =
            partitionSpec == null
                ? PartitionSpec.unpartitioned()
                : TableDefinition.partitionSpec(parsedSchema, partitionSpec);
      } catch (IllegalArgumentException e) {
        throw usageError(e.getMessage());
      }
      Map<String, String> tableProperties = new LinkedHashMap<>(properties);
      if (formatVersion != null) {
        tableProperties.put(TableProperties.FORMAT_VERSION, formatVersion.toString());
      }
      return CreateTableRequest.builder()
          .withName(table)
          .withSchema(parsedSchema)
          .withPartitionSpec(parsedSpec)
          .setProperties(tableProperties)
          .build();
    }
  }

  @Command(name = "list", aliases = "ls", description = "List the tables of a namespace.")
  static final class ListTables extends NamespaceScopedCommand {
    @Override
    void run(CatalogClient catalog, Output output) {
      List<TableIdentifier> tables = catalog.listTables(warehouse, namespace);
      ObjectNode document = Output.object();
      ArrayNode entries = document.putArray("identifiers");
      tables.forEach(table -> entries.add(Output.identifier(table)));
      TextTable listing = TextTable.withColumns("TABLE");
      tables.forEach(table -> listing.row(table.name()));
      output.emit(
          document,
          out -> {
            if (tables.isEmpty()) {
              out.println("No tables in namespace '" + namespace + "'.");
            } else {
              listing.print(out, "");
            }
          });
    }
  }

  @Command(
      name = "show",
      description =
          "Show a table: location, UUID, format version, schema, partition spec, properties and"
              + " snapshots.")
  static final class ShowTable extends TableScopedCommand {
    @Override
    void run(CatalogClient catalog, Output output) {
      TableDescription description =
          new TableDescription(warehouse, identifier(), catalog.loadTable(warehouse, identifier()));
      output.emit(description.toJson(), description::print);
    }
  }

  @Command(
      name = "rename",
      aliases = "mv",
      description = "Rename a table, or move it to another namespace of the same warehouse.",
      footerHeading = "%nExample:%n",
      footer = "  floe table rename local analytics sales orders orders_2026 --namespace archive")
  static final class RenameTable extends TableScopedCommand {
    @Parameters(index = "4", paramLabel = "NEW_NAME", description = "New name of the table.")
    String newName;

    @Option(
        names = "--namespace",
        paramLabel = "NAMESPACE",
        converter = NamespaceConverter.class,
        description = "Namespace to move the table to (default: where it is).")
    Namespace newNamespace;

    @Override
    void run(CatalogClient catalog, Output output) {
      TableIdentifier from = identifier();
      TableIdentifier to =
          TableIdentifier.of(newNamespace == null ? namespace : newNamespace, newName);
      catalog.renameTable(warehouse, from, to);
      ObjectNode document = Output.success();
      document.set("from", Output.identifier(from));
      document.set("to", Output.identifier(to));
      output.emit(document, out -> out.println("Renamed table '" + from + "' to '" + to + "'."));
    }
  }

  @Command(
      name = "remove",
      aliases = "rm",
      description = "Remove a table from the catalog; its files stay unless --purge is given.")
  static final class RemoveTable extends TableScopedCommand {
    @Option(names = "--purge", description = "Also delete the table's data and metadata files.")
    boolean purge;

    @Override
    void run(CatalogClient catalog, Output output) {
      catalog.removeTable(warehouse, identifier(), purge);
      ObjectNode document = Output.success();
      document.set("table", Output.identifier(identifier()));
      document.put("purged", purge);
      output.emit(
          document,
          out ->
              out.println(
                  "Removed table '" + identifier() + "'" + (purge ? " and its files." : ".")));
    }
  }
}
