package dev.floe.catalog.warehouse;

/**
 * A keyed commit found its Idempotency-Key held by an earlier request whose outcome the table
 * pointer does not show (yet): the key's owner decides what the retry gets.
 */
public final class IdempotencyKeyTakenException extends RuntimeException {
  public IdempotencyKeyTakenException(String key) {
    super("Idempotency-Key " + key + " is held by an earlier request");
  }
}
