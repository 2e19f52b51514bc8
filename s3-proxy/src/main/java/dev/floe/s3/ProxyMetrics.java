package dev.floe.s3;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The S3 proxy's meters: requests by operation and status (with latency), request and response
 * body bytes, and the requests Floe itself refused, by S3 error code.
 *
 * <p>Meters are looked up once per operation and status and kept: building a meter id and asking
 * the registry for it on every request costs more than the request's own accounting.
 */
final class ProxyMetrics {

  static final String REQUESTS = "floe.s3.requests";
  static final String DURATION = "floe.s3.request.duration";
  static final String BYTES_RECEIVED = "floe.s3.bytes.received";
  static final String BYTES_SENT = "floe.s3.bytes.sent";
  static final String REFUSALS = "floe.s3.refusals";

  /** The operation tag of a request refused before it could be classified. */
  static final String UNCLASSIFIED = "unclassified";

  private final MeterRegistry registry;
  private final Counter bytesReceived;
  private final Counter bytesSent;
  private final Map<String, Timer> durations = new ConcurrentHashMap<>();
  private final Map<Outcome, Counter> requests = new ConcurrentHashMap<>();

  private record Outcome(String operation, int status) {}

  ProxyMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.bytesReceived =
        Counter.builder(BYTES_RECEIVED)
            .baseUnit("bytes")
            .description("Request body bytes forwarded to the backing store")
            .register(registry);
    this.bytesSent =
        Counter.builder(BYTES_SENT)
            .baseUnit("bytes")
            .description("Response body bytes sent to S3 clients")
            .register(registry);
  }

  void completed(String operation, int status, long elapsedNanos, long received, long sent) {
    requests.computeIfAbsent(new Outcome(operation, status), this::requestCounter).increment();
    durations
        .computeIfAbsent(operation, this::durationTimer)
        .record(elapsedNanos, TimeUnit.NANOSECONDS);
    bytesReceived.increment(received);
    bytesSent.increment(sent);
  }

  private Counter requestCounter(Outcome outcome) {
    return registry.counter(
        REQUESTS, "operation", outcome.operation(), "status", Integer.toString(outcome.status()));
  }

  private Timer durationTimer(String operation) {
    return Timer.builder(DURATION).tags("operation", operation).register(registry);
  }

  void refused(String code) {
    registry.counter(REFUSALS, "code", code).increment();
  }
}
