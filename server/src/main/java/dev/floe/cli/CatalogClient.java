package dev.floe.cli;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.rest.RESTSerializers;
import org.apache.iceberg.rest.RESTUtil;
import org.apache.iceberg.rest.ResourcePaths;
import org.apache.iceberg.rest.requests.CreateNamespaceRequest;
import org.apache.iceberg.rest.requests.CreateTableRequest;
import org.apache.iceberg.rest.requests.RenameTableRequest;
import org.apache.iceberg.rest.requests.UpdateNamespacePropertiesRequest;
import org.apache.iceberg.rest.responses.CreateNamespaceResponse;
import org.apache.iceberg.rest.responses.GetNamespaceResponse;
import org.apache.iceberg.rest.responses.ListNamespacesResponse;
import org.apache.iceberg.rest.responses.ListTablesResponse;
import org.apache.iceberg.rest.responses.LoadTableResponse;
import org.apache.iceberg.rest.responses.UpdateNamespacePropertiesResponse;

/**
 * The warehouse API and the Iceberg REST catalog of one Floe server, in Iceberg's own request and
 * response types (serialized exactly as Iceberg's REST client does). Lists follow {@code
 * next-page-token} to the end.
 */
public final class CatalogClient {
  private static final ObjectMapper JSON = icebergRestMapper();
  private static final String WAREHOUSES = "v1/warehouses";

  private final CatalogTransport transport;

  public CatalogClient(Alias alias) {
    this.transport = new CatalogTransport(alias);
  }

  public Warehouse createWarehouse(String name, boolean upgradeExisting) {
    String body =
        write(JSON.createObjectNode().put("name", name).put("upgrade-existing", upgradeExisting));
    return read(transport.post(WAREHOUSES, body), Warehouse.class);
  }

  public List<Warehouse> listWarehouses() {
    return pages(
        WAREHOUSES,
        "",
        WarehousePage.class,
        WarehousePage::warehouses,
        WarehousePage::nextPageToken);
  }

  public Warehouse warehouse(String name) {
    return read(transport.get(WAREHOUSES + "/" + RESTUtil.encodeString(name)), Warehouse.class);
  }

  public void removeWarehouse(String name, boolean purge) {
    transport.delete(WAREHOUSES + "/" + RESTUtil.encodeString(name) + (purge ? "?purge=true" : ""));
  }

  public CreateNamespaceResponse createNamespace(
      String warehouse, Namespace namespace, Map<String, String> properties) {
    CreateNamespaceRequest request =
        CreateNamespaceRequest.builder().withNamespace(namespace).setProperties(properties).build();
    return read(
        transport.post(paths(warehouse).namespaces(), write(request)),
        CreateNamespaceResponse.class);
  }

  /** Namespaces directly below {@code parent}, or the top-level ones when it is empty. */
  public List<Namespace> listNamespaces(String warehouse, Namespace parent) {
    String filter =
        parent.isEmpty()
            ? ""
            : "parent=" + RESTUtil.encodeString(RESTUtil.namespaceToQueryParam(parent));
    return pages(
        paths(warehouse).namespaces(),
        filter,
        ListNamespacesResponse.class,
        ListNamespacesResponse::namespaces,
        ListNamespacesResponse::nextPageToken);
  }

  public GetNamespaceResponse namespace(String warehouse, Namespace namespace) {
    return read(transport.get(paths(warehouse).namespace(namespace)), GetNamespaceResponse.class);
  }

  public UpdateNamespacePropertiesResponse updateNamespace(
      String warehouse,
      Namespace namespace,
      Map<String, String> updates,
      Collection<String> removals) {
    UpdateNamespacePropertiesRequest request =
        UpdateNamespacePropertiesRequest.builder().updateAll(updates).removeAll(removals).build();
    return read(
        transport.post(paths(warehouse).namespaceProperties(namespace), write(request)),
        UpdateNamespacePropertiesResponse.class);
  }

  public void removeNamespace(String warehouse, Namespace namespace) {
    transport.delete(paths(warehouse).namespace(namespace));
  }

  public LoadTableResponse createTable(
      String warehouse, Namespace namespace, CreateTableRequest request) {
    return read(
        transport.post(paths(warehouse).tables(namespace), write(request)),
        LoadTableResponse.class);
  }

  public List<TableIdentifier> listTables(String warehouse, Namespace namespace) {
    return pages(
        paths(warehouse).tables(namespace),
        "",
        ListTablesResponse.class,
        ListTablesResponse::identifiers,
        ListTablesResponse::nextPageToken);
  }

  public LoadTableResponse loadTable(String warehouse, TableIdentifier table) {
    return read(transport.get(paths(warehouse).table(table)), LoadTableResponse.class);
  }

  public void renameTable(String warehouse, TableIdentifier from, TableIdentifier to) {
    RenameTableRequest request =
        RenameTableRequest.builder().withSource(from).withDestination(to).build();
    transport.post(paths(warehouse).rename(), write(request));
  }

  public void removeTable(String warehouse, TableIdentifier table, boolean purge) {
    transport.delete(paths(warehouse).table(table) + (purge ? "?purgeRequested=true" : ""));
  }

  private static ResourcePaths paths(String warehouse) {
    return ResourcePaths.forCatalogProperties(Map.of("prefix", RESTUtil.encodeString(warehouse)));
  }

  private <P, T> List<T> pages(
      String path,
      String filter,
      Class<P> pageType,
      Function<P, List<T>> items,
      Function<P, String> nextPageToken) {
    List<T> all = new ArrayList<>();
    String token = null;
    do {
      StringBuilder query = new StringBuilder(filter);
      if (token != null) {
        query.append(query.length() == 0 ? "" : "&").append("pageToken=");
        query.append(RESTUtil.encodeString(token));
      }
      P page = read(transport.get(query.length() == 0 ? path : path + "?" + query), pageType);
      List<T> pageItems = items.apply(page);
      if (pageItems != null) {
        all.addAll(pageItems);
      }
      String next = nextPageToken.apply(page);
      token = next == null || next.isEmpty() || next.equals(token) ? null : next;
    } while (token != null);
    return all;
  }

  private String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
    }
  }

  private <T> T read(String body, Class<T> type) {
    T value;
    try {
      value = JSON.readValue(body, type);
    } catch (JsonProcessingException e) {
      throw unreadable(type, e.getOriginalMessage(), e);
    } catch (IllegalArgumentException | NullPointerException e) {
      // Iceberg's deserializers reject a malformed model this way.
      throw unreadable(type, e.getMessage(), e);
    }
    if (value == null) {
      throw unreadable(type, "empty answer", null);
    }
    return value;
  }

  private CliException unreadable(Class<?> type, String reason, Exception cause) {
    return new CliException(
        transport.alias().url() + " sent an unreadable " + type.getSimpleName() + ": " + reason,
        cause);
  }

  /** Configured like Iceberg's own (package-private) {@code RESTObjectMapper}. */
  private static ObjectMapper icebergRestMapper() {
    ObjectMapper mapper = new ObjectMapper();
    mapper.setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
    mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    mapper.setPropertyNamingStrategy(new PropertyNamingStrategies.KebabCaseStrategy());
    RESTSerializers.registerAll(mapper);
    return mapper;
  }

  /** One page of {@code GET /v1/warehouses}. */
  private record WarehousePage(List<Warehouse> warehouses, String nextPageToken) {}
}
