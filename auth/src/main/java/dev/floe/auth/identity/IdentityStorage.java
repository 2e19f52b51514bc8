package dev.floe.auth.identity;

import java.util.List;
import java.util.Optional;

/**
 * Where identity records live: small JSON objects under keys such as {@code iam/users/alice.json},
 * written only conditionally so that two Floe instances changing the same record never lose an
 * update. Implementations must be thread-safe.
 */
public interface IdentityStorage {

  /** The record and the version it was read at, or empty when there is none. */
  Optional<Versioned> read(String key);

  /** Writes the record only if the key is absent; false when it already exists. */
  boolean createIfAbsent(String key, byte[] body);

  /** Writes the record only if it is still at {@code version}; false when it changed or vanished. */
  boolean replaceIfUnchanged(String key, byte[] body, String version);

  /** Deletes the record; deleting an absent record is not an error. */
  void delete(String key);

  /** Every key under the prefix. */
  List<String> keys(String prefix);

  /** A record's bytes with the opaque version a conditional replace must name. */
  record Versioned(byte[] body, String version) {}
}
