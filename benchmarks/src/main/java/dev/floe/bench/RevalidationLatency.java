package dev.floe.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * Latency of a bare loadTable revalidation on the wire: a GET with {@code If-None-Match} set to
 * the table's current ETag, answered 304. Each request is signed before its clock starts, so the
 * figure is the server's answer time plus loopback, not the client's signing.
 */
final class RevalidationLatency {
  private RevalidationLatency() {}

  static LatencySample measure(CatalogUnderTest target, TableIdentifier table, int requests) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpResponse<Void> first =
        http.send(target.loadTableRequest(table, Map.of()), HttpResponse.BodyHandlers.discarding());
    String etag =
        first
            .headers()
            .firstValue("ETag")
            .orElseThrow(() -> new IllegalStateException(
                target.name() + " answered loadTable with " + first.statusCode() + " and no ETag"));
    LatencySample sample = new LatencySample(requests);
    for (int i = 0; i < requests; i++) {
      HttpRequest request = target.loadTableRequest(table, Map.of("If-None-Match", etag));
      long start = System.nanoTime();
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      sample.record(System.nanoTime() - start);
      if (response.statusCode() != 304) {
        throw new IllegalStateException(
            target.name() + " answered a revalidation with the current ETag with " + response.statusCode()
                + " instead of 304");
      }
    }
    return sample;
  }
}
