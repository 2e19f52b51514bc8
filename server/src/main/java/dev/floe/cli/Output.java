package dev.floe.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * Where a command's result goes: text for people, or (with {@code --json}) exactly one JSON
 * document for scripts. Commands describe both forms; this class picks one.
 */
final class Output {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private final PrintWriter out;
  private final boolean json;

  Output(PrintWriter out, boolean json) {
    this.out = out;
    this.json = json;
  }

  /** Prints {@code document} in JSON mode, otherwise whatever {@code text} writes. */
  void emit(JsonNode document, Consumer<PrintWriter> text) {
    if (json) {
      try {
        out.println(JSON.writeValueAsString(document));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot print JSON output", e);
      }
    } else {
      text.accept(out);
    }
    out.flush();
  }

  /** The JSON text of a document that is printed in both forms (a schema, say). */
  static String pretty(JsonNode document) {
    try {
      return JSON.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot print JSON", e);
    }
  }

  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  static ObjectNode success() {
    return object().put("status", "success");
  }

  /** Parses JSON produced by Iceberg's own writers so it nests inside a document. */
  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Iceberg produced invalid JSON", e);
    }
  }

  static ObjectNode properties(Map<String, String> properties) {
    ObjectNode node = object();
    new TreeMap<>(properties).forEach(node::put);
    return node;
  }

  /** A namespace as Iceberg's REST API writes it: its levels. */
  static ArrayNode levels(Namespace namespace) {
    ArrayNode node = JsonNodeFactory.instance.arrayNode();
    for (String level : namespace.levels()) {
      node.add(level);
    }
    return node;
  }

  static ObjectNode identifier(TableIdentifier table) {
    ObjectNode node = object();
    node.set("namespace", levels(table.namespace()));
    node.put("name", table.name());
    return node;
  }
}
