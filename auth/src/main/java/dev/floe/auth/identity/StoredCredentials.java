package dev.floe.auth.identity;

import static dev.floe.auth.identity.IdentityRecords.ACCESS_KEYS;
import static dev.floe.auth.identity.IdentityRecords.GROUPS;
import static dev.floe.auth.identity.IdentityRecords.POLICIES;
import static dev.floe.auth.identity.IdentityRecords.USERS;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.floe.auth.Credential;
import dev.floe.auth.CredentialStore;
import dev.floe.auth.Principal;
import dev.floe.auth.policy.PolicyDocument;
import dev.floe.auth.policy.PolicyParseException;
import dev.floe.auth.policy.PolicySet;
import dev.floe.auth.policy.PrincipalPolicies;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The credentials and policies of every principal: the root user from the environment, always, and
 * the users and access keys in {@link IdentityStorage}.
 *
 * <p>What an access key resolves to (its secret, its owner's policies and groups, its session
 * policy) is cached for a few seconds, so a request costs no storage read and a change made on
 * another instance is seen within that time. {@link #invalidateAll()} makes this instance's own
 * changes visible at once. Unknown keys are cached too, so guessing keys does not reach storage.
 */
public final class StoredCredentials implements CredentialStore, PrincipalPolicies {
  private static final Logger LOG = LoggerFactory.getLogger(StoredCredentials.class);
  private static final long MAX_CACHED_KEYS = 100_000;

  private final Credential root;
  private final IdentityRecords records;
  private final SecretSeal seal;
  private final LoadingCache<String, Optional<ResolvedKey>> keys;

  public StoredCredentials(Credential root, IdentityStorage storage, SecretSeal seal, Duration cacheLifetime) {
    this(root, storage, seal, cacheLifetime, Ticker.systemTicker());
  }

  StoredCredentials(
      Credential root, IdentityStorage storage, SecretSeal seal, Duration cacheLifetime, Ticker ticker) {
    this.root = root;
    this.records = new IdentityRecords(storage);
    this.seal = seal;
    this.keys =
        Caffeine.newBuilder()
            .expireAfterWrite(cacheLifetime)
            .maximumSize(MAX_CACHED_KEYS)
            .ticker(ticker)
            .build(this::resolve);
  }

  @Override
  public Optional<Credential> find(String accessKeyId) {
    if (root.accessKeyId().equals(accessKeyId)) {
      return Optional.of(root);
    }
    return keys.get(accessKeyId).map(ResolvedKey::credential);
  }

  @Override
  public PolicySet identityPolicies(Principal principal) {
    return resolved(principal).map(ResolvedKey::identityPolicies).orElse(PolicySet.empty());
  }

  @Override
  public Optional<PolicySet> sessionPolicy(Principal principal) {
    return resolved(principal).flatMap(ResolvedKey::sessionPolicy);
  }

  /** Forgets every cached key, after a change made through this instance. */
  public void invalidateAll() {
    keys.invalidateAll();
  }

  private Optional<ResolvedKey> resolved(Principal principal) {
    if (principal.root()) {
      return Optional.empty();
    }
    return keys.get(principal.accessKeyId());
  }

  private Optional<ResolvedKey> resolve(String accessKeyId) {
    Optional<AccessKey> key = records.read(ACCESS_KEYS, accessKeyId, AccessKey.class);
    if (key.isEmpty() || !key.get().enabled()) {
      return Optional.empty();
    }
    Optional<User> user = records.read(USERS, key.get().owner(), User.class);
    if (user.isEmpty() || !user.get().enabled()) {
      return Optional.empty();
    }
    String secret;
    try {
      secret = seal.open(key.get().sealedSecret(), accessKeyId);
    } catch (IllegalArgumentException e) {
      LOG.warn("Access key {} cannot be opened with the server's secret key (was FLOE_SECRET_KEY changed?)", accessKeyId);
      return Optional.empty();
    }
    Principal principal = new Principal(user.get().name(), accessKeyId, false);
    return Optional.of(
        new ResolvedKey(
            new Credential(accessKeyId, secret, principal),
            PolicySet.of(documents(policyNames(user.get()))),
            Optional.ofNullable(key.get().sessionPolicy())
                .flatMap(text -> parsed("session policy of access key " + accessKeyId, text))
                .map(document -> PolicySet.of(List.of(document)))));
  }

  private Set<String> policyNames(User user) {
    Set<String> names = new LinkedHashSet<>(user.policies());
    for (String groupName : user.groups()) {
      records.read(GROUPS, groupName, Group.class).ifPresent(group -> names.addAll(group.policies()));
    }
    return names;
  }

  private List<PolicyDocument> documents(Set<String> names) {
    List<PolicyDocument> documents = new ArrayList<>();
    for (String name : names) {
      records
          .read(POLICIES, name, NamedPolicy.class)
          .flatMap(policy -> parsed("policy " + name, policy.document()))
          .ifPresent(documents::add);
    }
    return documents;
  }

  // Documents are validated when stored; one that no longer parses (a newer server wrote it, say)
  // grants nothing rather than failing every request of its holders.
  private static Optional<PolicyDocument> parsed(String what, String text) {
    try {
      return Optional.of(PolicyDocument.parse(text));
    } catch (PolicyParseException e) {
      LOG.warn("Ignoring {}: {}", what, e.getMessage());
      return Optional.empty();
    }
  }

  private record ResolvedKey(
      Credential credential, PolicySet identityPolicies, Optional<PolicySet> sessionPolicy) {}
}
