package dev.floe.catalog.warehouse;

/**
 * Named points between the steps of the catalog's multi-object protocols. Production passes {@link
 * #NONE}; crash-safety tests throw at a point to stop the protocol exactly there.
 */
@FunctionalInterface
public interface CatalogFaults {
  CatalogFaults NONE = point -> {};

  void reach(FaultPoint point);
}
