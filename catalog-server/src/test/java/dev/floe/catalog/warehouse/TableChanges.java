package dev.floe.catalog.warehouse;

import java.util.List;
import java.util.Map;
import org.apache.iceberg.MetadataUpdate;
import org.apache.iceberg.UpdateRequirement;
import org.apache.iceberg.catalog.TableCommit;
import org.apache.iceberg.catalog.TableIdentifier;

/** Table commits as a transaction request carries them. */
final class TableChanges {
  private TableChanges() {}

  static TableCommit setProperty(TableIdentifier ident, String key, String value) {
    return commit(ident, List.of(), new MetadataUpdate.SetProperties(Map.of(key, value)));
  }

  static TableCommit commit(
      TableIdentifier ident, List<UpdateRequirement> requirements, MetadataUpdate... updates) {
    return new TableCommit() {
      @Override
      public TableIdentifier identifier() {
        return ident;
      }

      @Override
      public List<UpdateRequirement> requirements() {
        return requirements;
      }

      @Override
      public List<MetadataUpdate> updates() {
        return List.of(updates);
      }
    };
  }
}
