package dev.floe.catalog.warehouse;

import dev.floe.catalog.store.ObjectStore.ListedObject;
import dev.floe.catalog.store.PreconditionFailedException;
import dev.floe.catalog.warehouse.CatalogObjects.Versioned;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.NamespaceNotEmptyException;
import org.apache.iceberg.exceptions.NoSuchNamespaceException;

/**
 * Namespaces, {@code .floe/namespaces/<ns>.json}, nested by their levels: a namespace needs its
 * parent, and is dropped only without child namespaces, tables or views.
 */
final class Namespaces {
  private final CatalogObjects objects;
  private final NameIndex names;
  private final BoundedCache<String, Versioned<NamespaceRecord>> hashed = new BoundedCache<>(1024);

  Namespaces(CatalogObjects objects, NameIndex names) {
    this.objects = objects;
    this.names = names;
  }

  void create(Namespace namespace, Map<String, String> properties) {
    CatalogNames.validate(namespace);
    if (namespace.length() > 1) {
      require(parent(namespace));
    }
    NamespaceRecord record =
        new NamespaceRecord(
            Arrays.asList(namespace.levels()), properties == null ? Map.of() : properties);
    try {
      objects.create(CatalogKeys.namespace(namespace), record);
    } catch (PreconditionFailedException exists) {
      throw new AlreadyExistsException("Namespace already exists: %s", namespace);
    }
  }

  boolean exists(Namespace namespace) {
    return !namespace.isEmpty()
        && objects.store().headEtag(objects.bucket(), CatalogKeys.namespace(namespace)).isPresent();
  }

  void require(Namespace namespace) {
    if (!exists(namespace)) {
      throw new NoSuchNamespaceException("Namespace does not exist: %s", namespace);
    }
  }

  Map<String, String> load(Namespace namespace) {
    return read(namespace).value().properties();
  }

  /** The direct children of {@code parent} (the top level for the empty namespace). */
  List<Namespace> list(Namespace parent) {
    if (!parent.isEmpty()) {
      require(parent);
    }
    List<Namespace> children = new ArrayList<>();
    for (ListedObject object : objects.list(CatalogKeys.NAMESPACES)) {
      Optional<Namespace> namespace = namespaceOf(object);
      namespace.filter(candidate -> isChild(parent, candidate)).ifPresent(children::add);
    }
    return children;
  }

  boolean drop(Namespace namespace) {
    CatalogNames.validate(namespace);
    if (!exists(namespace)) {
      return false;
    }
    if (!list(namespace).isEmpty()) {
      throw new NamespaceNotEmptyException(
          "Namespace %s is not empty: it contains other namespaces", namespace);
    }
    if (names.anyIn(namespace)) {
      throw new NamespaceNotEmptyException(
          "Namespace %s is not empty: it contains tables or views", namespace);
    }
    objects.delete(CatalogKeys.namespace(namespace));
    return true;
  }

  boolean setProperties(Namespace namespace, Map<String, String> updates) {
    return update(
        namespace,
        properties -> {
          Map<String, String> next = new HashMap<>(properties);
          next.putAll(updates);
          return next;
        });
  }

  boolean removeProperties(Namespace namespace, Set<String> keys) {
    return update(
        namespace,
        properties -> {
          Map<String, String> next = new HashMap<>(properties);
          next.keySet().removeAll(keys);
          return next;
        });
  }

  private boolean update(Namespace namespace, UnaryOperator<Map<String, String>> change) {
    CatalogNames.validate(namespace);
    Backoff backoff = new Backoff();
    while (true) {
      Versioned<NamespaceRecord> current = read(namespace);
      Map<String, String> next = change.apply(current.value().properties());
      if (next.equals(current.value().properties())) {
        return false;
      }
      try {
        objects.replace(
            CatalogKeys.namespace(namespace),
            current,
            new NamespaceRecord(current.value().namespace(), next));
        return true;
      } catch (PreconditionFailedException raced) {
        backoff.pause(namespace);
      }
    }
  }

  private Versioned<NamespaceRecord> read(Namespace namespace) {
    CatalogNames.validate(namespace);
    return objects
        .read(CatalogKeys.namespace(namespace), NamespaceRecord.class)
        .orElseThrow(() -> new NoSuchNamespaceException("Namespace does not exist: %s", namespace));
  }

  private Optional<Namespace> namespaceOf(ListedObject object) {
    Optional<Namespace> decoded = CatalogKeys.namespaceOf(object.key());
    if (decoded.isPresent()) {
      return decoded;
    }
    Optional<Versioned<NamespaceRecord>> record =
        hashed.get(object.key()).filter(cached -> cached.etag().equals(object.etag()));
    if (record.isEmpty()) {
      record = objects.read(object.key(), NamespaceRecord.class);
      record.ifPresent(found -> hashed.put(object.key(), found));
    }
    return record.map(found -> Namespace.of(found.value().namespace().toArray(String[]::new)));
  }

  private static boolean isChild(Namespace parent, Namespace candidate) {
    if (candidate.length() != parent.length() + 1) {
      return false;
    }
    for (int i = 0; i < parent.length(); i++) {
      if (!parent.level(i).equals(candidate.level(i))) {
        return false;
      }
    }
    return true;
  }

  private static Namespace parent(Namespace namespace) {
    return Namespace.of(Arrays.copyOf(namespace.levels(), namespace.length() - 1));
  }
}
