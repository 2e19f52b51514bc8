package dev.floe.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.PartitionSpecParser;
import org.apache.iceberg.Schema;
import org.apache.iceberg.SchemaParser;
import org.apache.iceberg.types.Types;

/**
 * The {@code --schema} and {@code --partition-spec} JSON of a new table, checked with Iceberg's own
 * parsers before anything is sent, so that a mistake is named precisely. Failures are {@link
 * IllegalArgumentException}s whose message is fit for the user.
 */
final class TableDefinition {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCHEMA_EXAMPLE =
      "{\"type\":\"struct\",\"fields\":[{\"id\":1,\"name\":\"id\",\"type\":\"long\",\"required\":true}]}";

  private TableDefinition() {}

  static Schema schema(String json) {
    JsonNode node = object("--schema", json, SCHEMA_EXAMPLE);
    try {
      return SchemaParser.fromJson(node);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("invalid --schema: " + e.getMessage(), e);
    }
  }

  /** Binds the spec to {@code schema}; {@code spec-id} may be left out and defaults to 0. */
  static PartitionSpec partitionSpec(Schema schema, String json) {
    ObjectNode node =
        object(
            "--partition-spec",
            json,
            "{\"fields\":[{\"source-id\":1,\"transform\":\"bucket[16]\",\"name\":\"id_bucket\"}]}");
    if (!node.has("spec-id")) {
      node.put("spec-id", 0);
    }
    PartitionSpec spec;
    try {
      spec = PartitionSpecParser.fromJson(schema, node);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("invalid --partition-spec: " + e.getMessage(), e);
    }
    // Binding does not check that each field's source column exists or suits the transform.
    for (PartitionField field : spec.fields()) {
      Types.NestedField source = schema.findField(field.sourceId());
      if (source == null) {
        throw new IllegalArgumentException(
            "invalid --partition-spec: field '"
                + field.name()
                + "' has source-id "
                + field.sourceId()
                + ", which is no column of --schema");
      }
      if (!field.transform().canTransform(source.type())) {
        throw new IllegalArgumentException(
            "invalid --partition-spec: transform "
                + field.transform()
                + " cannot apply to column '"
                + source.name()
                + "' of type "
                + source.type());
      }
    }
    return spec;
  }

  private static ObjectNode object(String option, String json, String example) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "invalid "
              + option
              + ": not JSON ("
              + e.getOriginalMessage()
              + " at column "
              + e.getLocation().getColumnNr()
              + ")",
          e);
    }
    if (!(node instanceof ObjectNode object)) {
      throw new IllegalArgumentException(
          "invalid " + option + ": expected a JSON object such as " + example);
    }
    return object;
  }
}
