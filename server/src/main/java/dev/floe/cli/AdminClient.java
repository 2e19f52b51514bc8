package dev.floe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The admin API of one Floe server: users, access keys, policies and groups, as JSON documents. */
final class AdminClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CatalogTransport transport;

  AdminClient(Alias alias) {
    this.transport = new CatalogTransport(alias, CatalogTransport.ADMIN_ROOT);
  }

  static ObjectNode body() {
    return JSON.createObjectNode();
  }

  JsonNode get(String... path) {
    return read(transport.get(path(path)));
  }

  JsonNode getWithQuery(String query, String... path) {
    return read(transport.get(path(path) + "?" + query));
  }

  JsonNode post(JsonNode body, String... path) {
    return read(transport.post(path(path), body.toString()));
  }

  JsonNode put(String... path) {
    return read(transport.put(path(path)));
  }

  void delete(String... path) {
    transport.delete(path(path));
  }

  static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String path(String... segments) {
    StringBuilder path = new StringBuilder();
    for (String segment : segments) {
      if (path.length() > 0) {
        path.append('/');
      }
      path.append(encode(segment));
    }
    return path.toString();
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new CliException("the server's answer is not JSON", e);
    }
  }
}
