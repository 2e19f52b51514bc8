package dev.floe.s3;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How the S3 proxy behaves beyond where it forwards to.
 *
 * @param virtualHostDomain the domain under which {@code <bucket>.<domain>} Host headers address a
 *     bucket (virtual-hosted style); empty to accept path-style addressing only
 * @param checks run in order after authentication and classification; the first refusal wins
 * @param meters where request, byte and refusal counters are registered
 * @param createOnly the writes that may only create their object, never replace one
 */
public record S3ProxyOptions(
    Optional<String> virtualHostDomain,
    List<S3AccessCheck> checks,
    MeterRegistry meters,
    CreateOnlyWrites createOnly) {

  /** Options under which every write has plain S3 semantics. */
  public S3ProxyOptions(
      Optional<String> virtualHostDomain, List<S3AccessCheck> checks, MeterRegistry meters) {
    this(virtualHostDomain, checks, meters, CreateOnlyWrites.NONE);
  }

  public S3ProxyOptions {
    Objects.requireNonNull(virtualHostDomain, "virtualHostDomain");
    Objects.requireNonNull(meters, "meters");
    Objects.requireNonNull(createOnly, "createOnly");
    virtualHostDomain =
        virtualHostDomain
            .map(domain -> domain.startsWith(".") ? domain.substring(1) : domain)
            .map(domain -> domain.toLowerCase(Locale.ROOT))
            .filter(domain -> !domain.isEmpty());
    checks = List.copyOf(checks);
  }

}
