package dev.floe.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.rest.responses.CreateNamespaceResponse;
import org.apache.iceberg.rest.responses.GetNamespaceResponse;
import org.apache.iceberg.rest.responses.UpdateNamespacePropertiesResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code floe table namespace}: namespaces of a warehouse, nested ones written {@code a.b.c}. */
@Command(
    name = "namespace",
    description =
        "Create, list, inspect, update and remove namespaces (nested ones written a.b.c).",
    subcommands = {
      NamespaceCommand.CreateNamespace.class,
      NamespaceCommand.ListNamespaces.class,
      NamespaceCommand.NamespaceInfo.class,
      NamespaceCommand.UpdateNamespace.class,
      NamespaceCommand.RemoveNamespace.class
    })
final class NamespaceCommand {

  @Command(
      name = "create",
      description = "Create a namespace; the parent of a nested one must exist.",
      footerHeading = "%nExample:%n",
      footer = "  floe table namespace create local analytics sales.eu --property owner=data-team")
  static final class CreateNamespace extends NamespaceScopedCommand {
    @Option(
        names = {"-a", "--property"},
        paramLabel = "KEY=VALUE",
        description = "A namespace property; repeat for more.")
    Map<String, String> properties = new LinkedHashMap<>();

    @Option(
        names = {"-p", "--ignore-existing"},
        description = "Succeed if the namespace already exists.")
    boolean ignoreExisting;

    @Override
    void run(CatalogClient catalog, Output output) {
      Namespace result;
      Map<String, String> resultProperties;
      String verb = "Created";
      try {
        CreateNamespaceResponse created = catalog.createNamespace(warehouse, namespace, properties);
        result = created.namespace();
        resultProperties = created.properties();
      } catch (CatalogRequestException e) {
        if (!ignoreExisting || e.status() != 409) {
          throw e;
        }
        GetNamespaceResponse existing = catalog.namespace(warehouse, namespace);
        result = existing.namespace();
        resultProperties = existing.properties();
        verb = "Found existing";
      }
      String message = verb + " namespace '" + result + "' in warehouse '" + warehouse + "'.";
      output.emit(describe(result, resultProperties), out -> out.println(message));
    }
  }

  @Command(name = "list", aliases = "ls", description = "List the namespaces of a warehouse.")
  static final class ListNamespaces extends WarehouseScopedCommand {
    @Option(
        names = "--parent",
        paramLabel = "NAMESPACE",
        converter = NamespaceConverter.class,
        description = "List the namespaces inside this one instead of the top-level ones.")
    Namespace parent = Namespace.empty();

    @Override
    void run(CatalogClient catalog, Output output) {
      List<Namespace> namespaces = catalog.listNamespaces(warehouse, parent);
      ObjectNode document = Output.object();
      ArrayNode entries = document.putArray("namespaces");
      namespaces.forEach(namespace -> entries.add(Output.levels(namespace)));
      TextTable table = TextTable.withColumns("NAMESPACE");
      namespaces.forEach(table::row);
      String where =
          parent.isEmpty() ? "warehouse '" + warehouse + "'" : "namespace '" + parent + "'";
      output.emit(
          document,
          out -> {
            if (namespaces.isEmpty()) {
              out.println("No namespaces in " + where + ".");
            } else {
              table.print(out, "");
            }
          });
    }
  }

  @Command(name = "info", description = "Show a namespace and its properties.")
  static final class NamespaceInfo extends NamespaceScopedCommand {
    @Override
    void run(CatalogClient catalog, Output output) {
      GetNamespaceResponse found = catalog.namespace(warehouse, namespace);
      output.emit(
          describe(found.namespace(), found.properties()),
          out -> {
            TextTable.keyValues()
                .row("Namespace:", found.namespace())
                .row("Warehouse:", warehouse)
                .print(out, "");
            TextTable.printProperties(out, found.properties());
          });
    }
  }

  @Command(
      name = "update",
      description = "Set or remove namespace properties.",
      footerHeading = "%nExample:%n",
      footer = {
        "  floe table namespace update local analytics sales --property owner=bi \\",
        "    --remove-property tmp"
      })
  static final class UpdateNamespace extends NamespaceScopedCommand {
    @Option(
        names = {"-a", "--property"},
        paramLabel = "KEY=VALUE",
        description = "A property to set; repeat for more.")
    Map<String, String> updates = new LinkedHashMap<>();

    @Option(
        names = "--remove-property",
        paramLabel = "KEY",
        description = "A property to remove; repeat for more.")
    List<String> removals = new ArrayList<>();

    @Override
    void run(CatalogClient catalog, Output output) {
      if (updates.isEmpty() && removals.isEmpty()) {
        throw usageError("nothing to update: give --property KEY=VALUE or --remove-property KEY");
      }
      UpdateNamespacePropertiesResponse result =
          catalog.updateNamespace(warehouse, namespace, updates, removals);
      ObjectNode document = Output.object();
      document.set("namespace", Output.levels(namespace));
      document.set("updated", sorted(result.updated()));
      document.set("removed", sorted(result.removed()));
      document.set("missing", sorted(result.missing()));
      output.emit(
          document,
          out -> {
            out.println("Updated namespace '" + namespace + "'.");
            TextTable summary = TextTable.keyValues();
            summary.row("Set:", String.join(", ", result.updated()));
            summary.row("Removed:", String.join(", ", result.removed()));
            if (result.missing() != null && !result.missing().isEmpty()) {
              summary.row("Not present:", String.join(", ", result.missing()));
            }
            summary.print(out, "  ");
          });
    }
  }

  @Command(
      name = "remove",
      aliases = "rm",
      description = "Remove a namespace; it must hold no tables, views or namespaces.")
  static final class RemoveNamespace extends NamespaceScopedCommand {
    @Override
    void run(CatalogClient catalog, Output output) {
      catalog.removeNamespace(warehouse, namespace);
      ObjectNode document = Output.success();
      document.set("namespace", Output.levels(namespace));
      output.emit(
          document,
          out ->
              out.println(
                  "Removed namespace '" + namespace + "' from warehouse '" + warehouse + "'."));
    }
  }

  private static ObjectNode describe(Namespace namespace, Map<String, String> properties) {
    ObjectNode node = Output.object();
    node.set("namespace", Output.levels(namespace));
    node.set("properties", Output.properties(properties == null ? Map.of() : properties));
    return node;
  }

  private static ArrayNode sorted(Collection<String> keys) {
    ArrayNode node = Output.object().arrayNode();
    if (keys != null) {
      keys.stream().sorted().forEach(node::add);
    }
    return node;
  }
}
