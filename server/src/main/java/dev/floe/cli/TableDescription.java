package dev.floe.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.PartitionSpecParser;
import org.apache.iceberg.Schema;
import org.apache.iceberg.SchemaParser;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.rest.responses.LoadTableResponse;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.TypeUtil;
import org.apache.iceberg.types.Types;

/** What {@code floe table show} (and {@code create}) tells about a table, as text or JSON. */
final class TableDescription {
  private final String warehouse;
  private final TableIdentifier identifier;
  private final String metadataLocation;
  private final TableMetadata metadata;

  TableDescription(String warehouse, TableIdentifier identifier, LoadTableResponse loaded) {
    this.warehouse = warehouse;
    this.identifier = identifier;
    this.metadataLocation = loaded.metadataLocation();
    this.metadata = loaded.tableMetadata();
  }

  ObjectNode toJson() {
    ObjectNode node = Output.object().put("warehouse", warehouse);
    node.set("namespace", Output.levels(identifier.namespace()));
    node.put("name", identifier.name())
        .put("location", metadata.location())
        .put("table-uuid", metadata.uuid())
        .put("format-version", metadata.formatVersion())
        .put("metadata-location", metadataLocation);
    Snapshot current = metadata.currentSnapshot();
    if (current == null) {
      node.putNull("current-snapshot-id");
    } else {
      node.put("current-snapshot-id", current.snapshotId());
    }
    node.put("snapshot-count", metadata.snapshots().size());
    node.set("schema", Output.parse(SchemaParser.toJson(metadata.schema())));
    node.set("partition-spec", Output.parse(PartitionSpecParser.toJson(metadata.spec())));
    node.set("properties", Output.properties(metadata.properties()));
    return node;
  }

  void print(PrintWriter out) {
    TextTable.keyValues()
        .row("Table:", identifier)
        .row("Warehouse:", warehouse)
        .row("Location:", metadata.location())
        .row("UUID:", metadata.uuid())
        .row("Format version:", metadata.formatVersion())
        .row("Metadata:", metadataLocation)
        .row("Current snapshot:", describe(metadata.currentSnapshot()))
        .row("Snapshots:", metadata.snapshots().size())
        .print(out, "");
    printSchema(out, metadata.schema());
    printPartitionSpec(out, metadata.spec(), metadata.schema());
    out.println();
    TextTable.printProperties(out, metadata.properties());
  }

  private static String describe(Snapshot snapshot) {
    if (snapshot == null) {
      return "none";
    }
    return snapshot.snapshotId()
        + " ("
        + (snapshot.operation() == null ? "unknown operation" : snapshot.operation())
        + ", "
        + Instant.ofEpochMilli(snapshot.timestampMillis())
        + ")";
  }

  private static void printSchema(PrintWriter out, Schema schema) {
    out.println();
    out.println("Schema (id " + schema.schemaId() + "):");
    TextTable columns = TextTable.withColumns("ID", "COLUMN", "TYPE", "REQUIRED", "DOC");
    // Every field, nested ones included, under its full dotted name, in field-id order.
    TypeUtil.indexById(schema.asStruct()).values().stream()
        .sorted(Comparator.comparingInt(Types.NestedField::fieldId))
        .forEach(
            field ->
                columns.row(
                    field.fieldId(),
                    schema.findColumnName(field.fieldId()),
                    typeName(field.type()),
                    field.isRequired() ? "yes" : "no",
                    field.doc()));
    columns.print(out, "  ");
  }

  private static String typeName(Type type) {
    return type.isNestedType() ? type.typeId().name().toLowerCase(Locale.ROOT) : type.toString();
  }

  private static void printPartitionSpec(PrintWriter out, PartitionSpec spec, Schema schema) {
    out.println();
    if (spec.isUnpartitioned()) {
      out.println("Partition spec (id " + spec.specId() + "):  unpartitioned");
      return;
    }
    out.println("Partition spec (id " + spec.specId() + "):");
    TextTable fields = TextTable.withColumns("FIELD", "SOURCE", "TRANSFORM");
    for (PartitionField field : spec.fields()) {
      fields.row(field.name(), schema.findColumnName(field.sourceId()), field.transform());
    }
    fields.print(out, "  ");
  }
}
