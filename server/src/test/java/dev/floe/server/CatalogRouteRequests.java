package dev.floe.server;

import dev.floe.catalog.rest.Route;

/**
 * One request per catalog route, on the fixtures of {@link CatalogAuthorizationTest}: warehouse
 * {@code W}, namespace {@code ns}, table {@code ns.t}, view {@code ns.v}. Mutations are chosen to
 * be harmless once authorized (creating what exists, dropping what is not empty, committing
 * against a wrong uuid) except drop and rename, which the test undoes. Signing requests ask to
 * sign a read of one of {@code ns.t}'s files.
 */
record CatalogRouteRequests(String warehouse, String tableUuid, String tableMetadata, String viewMetadata) {
  static final String SCHEMA =
      "{\"type\":\"struct\",\"schema-id\":0,\"fields\":[{\"id\":1,\"name\":\"id\",\"type\":\"long\",\"required\":true}]}";
  private static final String NO_UUID = "00000000-0000-0000-0000-000000000000";

  record HttpCall(String method, String path, String body) {}

  static String createTable(String name) {
    return "{\"name\":\"" + name + "\",\"schema\":" + SCHEMA + "}";
  }

  static String createView(String name, String namespace) {
    return "{\"name\":\"" + name + "\",\"schema\":" + SCHEMA + ",\"view-version\":{\"version-id\":1,"
        + "\"timestamp-ms\":1700000000000,\"schema-id\":0,\"summary\":{},\"representations\":"
        + "[{\"type\":\"sql\",\"sql\":\"select 1 as id\",\"dialect\":\"spark\"}],"
        + "\"default-namespace\":[\"" + namespace + "\"]},\"properties\":{}}";
  }

  static String rename(String namespace, String from, String to) {
    return "{\"source\":{\"namespace\":[\"" + namespace + "\"],\"name\":\"" + from + "\"},"
        + "\"destination\":{\"namespace\":[\"" + namespace + "\"],\"name\":\"" + to + "\"}}";
  }

  static String register(String name, String metadataLocation) {
    return "{\"name\":\"" + name + "\",\"metadata-location\":\"" + metadataLocation + "\"}";
  }

  HttpCall on(Route route) {
    String api = "/_iceberg/v1/" + warehouse;
    String ns = api + "/namespaces/ns";
    return switch (route) {
      case CONFIG -> new HttpCall("GET", "/_iceberg/v1/config?warehouse=" + warehouse, null);
      case LIST_WAREHOUSES -> new HttpCall("GET", "/_iceberg/v1/warehouses", null);
      case CREATE_WAREHOUSE ->
          new HttpCall("POST", "/_iceberg/v1/warehouses", "{\"name\":\"" + warehouse + "\",\"upgrade-existing\":false}");
      case GET_WAREHOUSE -> new HttpCall("GET", "/_iceberg/v1/warehouses/" + warehouse, null);
      case DELETE_WAREHOUSE -> new HttpCall("DELETE", "/_iceberg/v1/warehouses/" + warehouse, null);
      case LIST_NAMESPACES -> new HttpCall("GET", api + "/namespaces", null);
      case CREATE_NAMESPACE -> new HttpCall("POST", api + "/namespaces", "{\"namespace\":[\"ns\"]}");
      case LOAD_NAMESPACE -> new HttpCall("GET", ns, null);
      case NAMESPACE_EXISTS -> new HttpCall("HEAD", ns, null);
      case DROP_NAMESPACE -> new HttpCall("DELETE", ns, null);
      case UPDATE_NAMESPACE ->
          new HttpCall("POST", ns + "/properties", "{\"removals\":[],\"updates\":{\"owner\":\"matrix\"}}");
      case LIST_TABLES -> new HttpCall("GET", ns + "/tables", null);
      case CREATE_TABLE -> new HttpCall("POST", ns + "/tables", createTable("t"));
      case LOAD_TABLE -> new HttpCall("GET", ns + "/tables/t", null);
      case TABLE_EXISTS -> new HttpCall("HEAD", ns + "/tables/t", null);
      case UPDATE_TABLE -> new HttpCall("POST", ns + "/tables/t", wrongUuidCommit("assert-table-uuid", ""));
      case DROP_TABLE -> new HttpCall("DELETE", ns + "/tables/t", null);
      case RENAME_TABLE -> new HttpCall("POST", api + "/tables/rename", rename("ns", "t", "t_renamed"));
      case REGISTER_TABLE -> new HttpCall("POST", ns + "/register", register("t", tableMetadata));
      case REPORT_METRICS ->
          new HttpCall(
              "POST",
              ns + "/tables/t/metrics",
              "{\"report-type\":\"scan-report\",\"table-name\":\"" + warehouse + ".ns.t\",\"snapshot-id\":1,"
                  + "\"filter\":true,\"schema-id\":0,\"projected-field-ids\":[1],"
                  + "\"projected-field-names\":[\"id\"],\"metrics\":{}}");
      case COMMIT_TRANSACTION ->
          new HttpCall(
              "POST",
              api + "/transactions/commit",
              "{\"table-changes\":[" + wrongUuidCommit("assert-table-uuid", "\"identifier\":{\"namespace\":[\"ns\"],\"name\":\"t\"},") + "]}");
      case LOAD_CREDENTIALS -> new HttpCall("GET", ns + "/tables/t/credentials", null);
      case SIGN_TABLE_REQUEST -> new HttpCall("POST", ns + "/tables/t/sign", signRead());
      case SIGN_S3_REQUEST -> new HttpCall("POST", "/_iceberg/v1/aws/s3/sign", signRead());
      case LIST_VIEWS -> new HttpCall("GET", ns + "/views", null);
      case CREATE_VIEW -> new HttpCall("POST", ns + "/views", createView("v", "ns"));
      case LOAD_VIEW -> new HttpCall("GET", ns + "/views/v", null);
      case VIEW_EXISTS -> new HttpCall("HEAD", ns + "/views/v", null);
      case UPDATE_VIEW -> new HttpCall("POST", ns + "/views/v", wrongUuidCommit("assert-view-uuid", ""));
      case DROP_VIEW -> new HttpCall("DELETE", ns + "/views/v", null);
      case RENAME_VIEW -> new HttpCall("POST", api + "/views/rename", rename("ns", "v", "v_renamed"));
      case REGISTER_VIEW -> new HttpCall("POST", ns + "/register-view", register("v", viewMetadata));
    };
  }

  private String signRead() {
    return "{\"region\":\"us-east-1\",\"method\":\"GET\",\"uri\":\"http://127.0.0.1:9000/" + warehouse + "/"
        + tableUuid + "/data/part-0.parquet\",\"headers\":{\"amz-sdk-request\":[\"attempt=1\"]}}";
  }

  private static String wrongUuidCommit(String requirement, String identifier) {
    return "{" + identifier + "\"requirements\":[{\"type\":\"" + requirement + "\",\"uuid\":\"" + NO_UUID + "\"}],"
        + "\"updates\":[]}";
  }
}
