package dev.floe.auth.identity;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The layout of identity records in storage and their JSON form. Every change is a read followed by
 * a conditional write of the changed record, retried when another writer got there first.
 *
 * <pre>
 * iam/users/&lt;name&gt;.json        iam/groups/&lt;name&gt;.json
 * iam/policies/&lt;name&gt;.json     iam/access-keys/&lt;access key id&gt;.json
 * </pre>
 */
final class IdentityRecords {
  static final String USERS = "iam/users/";
  static final String GROUPS = "iam/groups/";
  static final String POLICIES = "iam/policies/";
  static final String ACCESS_KEYS = "iam/access-keys/";
  private static final String SUFFIX = ".json";
  private static final int MAX_ATTEMPTS = 10;

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final IdentityStorage storage;

  IdentityRecords(IdentityStorage storage) {
    this.storage = storage;
  }

  <T> Optional<T> read(String prefix, String name, Class<T> type) {
    return storage.read(prefix + name + SUFFIX).map(found -> decode(found.body(), type));
  }

  <T> List<T> readAll(String prefix, Class<T> type) {
    List<T> records = new ArrayList<>();
    for (String key : storage.keys(prefix)) {
      if (key.endsWith(SUFFIX)) {
        storage.read(key).ifPresent(found -> records.add(decode(found.body(), type)));
      }
    }
    return records;
  }

  boolean create(String prefix, String name, Object record) {
    return storage.createIfAbsent(prefix + name + SUFFIX, encode(record));
  }

  /**
   * Applies {@code change} to the current record and writes it back unless someone changed it in
   * between, in which case the change is applied again to what they wrote.
   */
  <T> T update(String prefix, String name, Class<T> type, UnaryOperator<T> change) {
    String key = prefix + name + SUFFIX;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      IdentityStorage.Versioned current =
          storage
              .read(key)
              .orElseThrow(() -> new IdentityException(IdentityException.Reason.NOT_FOUND, describe(prefix, name) + " does not exist"));
      T changed = change.apply(decode(current.body(), type));
      if (storage.replaceIfUnchanged(key, encode(changed), current.version())) {
        return changed;
      }
    }
    throw new IdentityException(
        IdentityException.Reason.CONFLICT,
        describe(prefix, name) + " is being changed concurrently; try again");
  }

  void delete(String prefix, String name) {
    storage.delete(prefix + name + SUFFIX);
  }

  static String describe(String prefix, String name) {
    String kind =
        switch (prefix) {
          case USERS -> "user";
          case GROUPS -> "group";
          case POLICIES -> "policy";
          default -> "access key";
        };
    return kind + " '" + name + "'";
  }

  private static byte[] encode(Object record) {
    try {
      return JSON.writeValueAsBytes(record);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode " + record.getClass().getSimpleName(), e);
    }
  }

  private static <T> T decode(byte[] body, Class<T> type) {
    try {
      return JSON.readValue(body, type);
    } catch (IOException e) {
      throw new IllegalStateException("unreadable " + type.getSimpleName() + " record in storage", e);
    }
  }
}
