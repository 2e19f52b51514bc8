package dev.floe.catalog.warehouse;

import dev.floe.catalog.store.PreconditionFailedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Table locations handed out by stage-create before the table exists. Engines write a staged
 * table's first files (Spark's CTAS, create transactions) before committing it, so the integrity
 * guard accepts writes under {@code <uuid>/} when the uuid is a table's or was staged here — and
 * not under any other uuid. A staged location that is never committed lapses after a day.
 */
final class StagedLocations {
  static final String PREFIX = ".floe/staged/";
  private static final Duration LIFETIME = Duration.ofDays(1);

  private final CatalogObjects objects;
  private final Clock clock;

  StagedLocations(CatalogObjects objects, Clock clock) {
    this.objects = objects;
    this.clock = clock;
  }

  void record(String uuid) {
    try {
      objects.create(key(uuid), new StagedLocation(uuid, clock.instant().plus(LIFETIME).toString()));
    } catch (PreconditionFailedException alreadyStaged) {
      // A uuid is random and staged once; a repeat is the same stage-create retried.
    }
  }

  boolean isLive(String uuid) {
    return objects
        .read(key(uuid), StagedLocation.class)
        .map(staged -> Instant.parse(staged.value().expires()).isAfter(clock.instant()))
        .orElse(false);
  }

  private static String key(String uuid) {
    return PREFIX + CatalogKeys.filesOf(uuid).replace("/", "") + ".json";
  }

  /** The stored form. */
  record StagedLocation(String uuid, String expires) {}
}
