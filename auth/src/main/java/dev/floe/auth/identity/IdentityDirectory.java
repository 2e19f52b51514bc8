package dev.floe.auth.identity;

import static dev.floe.auth.identity.IdentityException.Reason.ALREADY_EXISTS;
import static dev.floe.auth.identity.IdentityException.Reason.INVALID;
import static dev.floe.auth.identity.IdentityException.Reason.IN_USE;
import static dev.floe.auth.identity.IdentityException.Reason.NOT_FOUND;
import static dev.floe.auth.identity.IdentityRecords.ACCESS_KEYS;
import static dev.floe.auth.identity.IdentityRecords.GROUPS;
import static dev.floe.auth.identity.IdentityRecords.POLICIES;
import static dev.floe.auth.identity.IdentityRecords.USERS;

import dev.floe.auth.policy.PolicyDocument;
import dev.floe.auth.policy.PolicyParseException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Users, groups, named policies and access keys: the operations behind the admin API. Names are
 * checked here, policy documents are parsed before they are stored, and secrets are sealed before
 * they reach storage.
 *
 * <p>In the style of MinIO, a user's name is also the id of its first access key: {@link
 * #addUser} creates both.
 */
public final class IdentityDirectory {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9+=,.@_-]{1,64}");
  private static final Pattern ACCESS_KEY_ID = Pattern.compile("[A-Za-z0-9+=,.@_-]{3,64}");
  private static final int MIN_SECRET_LENGTH = 8;
  private static final int MAX_SECRET_LENGTH = 128;
  private static final String KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final String SECRET_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final IdentityRecords records;
  private final SecretSeal seal;
  private final String rootAccessKey;
  private final Clock clock;

  /**
   * @param rootAccessKey the root user's access key, which no stored user or key may shadow
   */
  public IdentityDirectory(IdentityStorage storage, SecretSeal seal, String rootAccessKey, Clock clock) {
    this.records = new IdentityRecords(storage);
    this.seal = seal;
    this.rootAccessKey = rootAccessKey;
    this.clock = clock;
  }

  // Users

  /** Creates a user named {@code accessKey}, enabled, with that access key and secret. */
  public User addUser(String accessKey, String secretKey) {
    checkName(accessKey, "user name");
    checkNotRoot(accessKey);
    checkSecret(secretKey);
    if (records.read(ACCESS_KEYS, accessKey, AccessKey.class).isPresent()) {
      throw new IdentityException(ALREADY_EXISTS, "access key '" + accessKey + "' already exists");
    }
    User user = new User(accessKey, true, List.of(), List.of());
    if (!records.create(USERS, accessKey, user)) {
      throw new IdentityException(ALREADY_EXISTS, "user '" + accessKey + "' already exists");
    }
    storeKey(accessKey, secretKey, accessKey, null);
    return user;
  }

  public List<User> listUsers() {
    return sorted(records.readAll(USERS, User.class), User::name);
  }

  public User user(String name) {
    return records.read(USERS, name, User.class).orElseThrow(() -> notFound(USERS, name));
  }

  /** Removes the user and every access key it owns. */
  public void removeUser(String name) {
    user(name);
    for (AccessKey key : accessKeysOf(name)) {
      records.delete(ACCESS_KEYS, key.accessKeyId());
    }
    records.delete(USERS, name);
  }

  public User setUserEnabled(String name, boolean enabled) {
    return records.update(USERS, name, User.class, user -> user.withEnabled(enabled));
  }

  // Access keys

  /**
   * Creates an access key for {@code owner}; a missing id or secret is generated. The returned key
   * is the only time the secret is seen in clear.
   *
   * @param sessionPolicy an IAM policy narrowing what the key may do, or null
   */
  public IssuedAccessKey createAccessKey(
      String owner, String accessKeyId, String secretKey, String sessionPolicy) {
    user(owner);
    String id = accessKeyId == null ? generate(KEY_ALPHABET, 20) : accessKeyId;
    String secret = secretKey == null ? generate(SECRET_ALPHABET, 40) : secretKey;
    checkName(id, "access key");
    checkNotRoot(id);
    checkSecret(secret);
    if (sessionPolicy != null) {
      parse(sessionPolicy);
    }
    AccessKey stored = storeKey(id, secret, owner, sessionPolicy);
    return new IssuedAccessKey(stored, secret);
  }

  /** Every access key, or only those of {@code owner} when it is not null; secrets stay sealed. */
  public List<AccessKey> listAccessKeys(String owner) {
    if (owner != null) {
      user(owner);
      return accessKeysOf(owner);
    }
    return sorted(records.readAll(ACCESS_KEYS, AccessKey.class), AccessKey::accessKeyId);
  }

  public void removeAccessKey(String accessKeyId) {
    records.read(ACCESS_KEYS, accessKeyId, AccessKey.class).orElseThrow(() -> notFound(ACCESS_KEYS, accessKeyId));
    records.delete(ACCESS_KEYS, accessKeyId);
  }

  // Policies

  public NamedPolicy createPolicy(String name, String document) {
    checkName(name, "policy name");
    parse(document);
    NamedPolicy policy = new NamedPolicy(name, document);
    if (!records.create(POLICIES, name, policy)) {
      throw new IdentityException(ALREADY_EXISTS, "policy '" + name + "' already exists");
    }
    return policy;
  }

  public List<NamedPolicy> listPolicies() {
    return sorted(records.readAll(POLICIES, NamedPolicy.class), NamedPolicy::name);
  }

  public NamedPolicy policy(String name) {
    return records.read(POLICIES, name, NamedPolicy.class).orElseThrow(() -> notFound(POLICIES, name));
  }

  /** Removes a policy that no user or group has attached. */
  public void removePolicy(String name) {
    policy(name);
    for (User user : listUsers()) {
      if (user.policies().contains(name)) {
        throw new IdentityException(IN_USE, "policy '" + name + "' is attached to user '" + user.name() + "'; detach it first");
      }
    }
    for (Group group : listGroups()) {
      if (group.policies().contains(name)) {
        throw new IdentityException(IN_USE, "policy '" + name + "' is attached to group '" + group.name() + "'; detach it first");
      }
    }
    records.delete(POLICIES, name);
  }

  public User attachToUser(String policy, String userName, boolean attached) {
    if (attached) {
      policy(policy);
    }
    return records.update(USERS, userName, User.class, user -> user.withPolicy(policy, attached));
  }

  public Group attachToGroup(String policy, String groupName, boolean attached) {
    if (attached) {
      policy(policy);
    }
    return records.update(GROUPS, groupName, Group.class, group -> group.withPolicy(policy, attached));
  }

  // Groups

  public Group addGroup(String name) {
    checkName(name, "group name");
    Group group = new Group(name, List.of());
    if (!records.create(GROUPS, name, group)) {
      throw new IdentityException(ALREADY_EXISTS, "group '" + name + "' already exists");
    }
    return group;
  }

  public List<Group> listGroups() {
    return sorted(records.readAll(GROUPS, Group.class), Group::name);
  }

  public Group group(String name) {
    return records.read(GROUPS, name, Group.class).orElseThrow(() -> notFound(GROUPS, name));
  }

  /** The names of the users that belong to the group. */
  public List<String> membersOf(String group) {
    group(group);
    return listUsers().stream().filter(u -> u.groups().contains(group)).map(User::name).toList();
  }

  public User setMembership(String group, String userName, boolean member) {
    if (member) {
      group(group);
    }
    return records.update(USERS, userName, User.class, user -> user.withGroup(group, member));
  }

  /** Removes a group that has no members. */
  public void removeGroup(String name) {
    List<String> members = membersOf(name);
    if (!members.isEmpty()) {
      throw new IdentityException(IN_USE, "group '" + name + "' still has members " + members + "; remove them first");
    }
    records.delete(GROUPS, name);
  }

  private AccessKey storeKey(String id, String secret, String owner, String sessionPolicy) {
    AccessKey key =
        new AccessKey(id, seal.seal(secret, id), owner, true, sessionPolicy, clock.instant().toString());
    if (!records.create(ACCESS_KEYS, id, key)) {
      throw new IdentityException(ALREADY_EXISTS, "access key '" + id + "' already exists");
    }
    return key;
  }

  private List<AccessKey> accessKeysOf(String owner) {
    return listAccessKeys(null).stream().filter(k -> k.owner().equals(owner)).toList();
  }

  private void checkNotRoot(String name) {
    if (name.equals(rootAccessKey)) {
      throw new IdentityException(INVALID, "'" + name + "' is the root user's access key");
    }
  }

  private static void parse(String document) {
    try {
      PolicyDocument.parse(document);
    } catch (PolicyParseException e) {
      throw new IdentityException(INVALID, "invalid policy: " + e.getMessage());
    }
  }

  private static void checkName(String name, String what) {
    boolean key = what.equals("access key");
    if (name == null || !(key ? ACCESS_KEY_ID : NAME).matcher(name).matches()) {
      throw new IdentityException(
          INVALID,
          "invalid " + what + " '" + name + "': use " + (key ? "3" : "1")
              + " to 64 letters, digits or +=,.@_-");
    }
  }

  private static void checkSecret(String secret) {
    if (secret == null || secret.length() < MIN_SECRET_LENGTH || secret.length() > MAX_SECRET_LENGTH) {
      throw new IdentityException(
          INVALID, "a secret key must have " + MIN_SECRET_LENGTH + " to " + MAX_SECRET_LENGTH + " characters");
    }
  }

  private static IdentityException notFound(String prefix, String name) {
    return new IdentityException(NOT_FOUND, IdentityRecords.describe(prefix, name) + " does not exist");
  }

  private static String generate(String alphabet, int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  private static <T> List<T> sorted(List<T> items, Function<T, String> name) {
    return items.stream().sorted(Comparator.comparing(name)).toList();
  }

  /** A freshly created key with its secret, which is never available again. */
  public record IssuedAccessKey(AccessKey key, String secretKey) {
    @Override
    public String toString() {
      return "IssuedAccessKey[" + key + "]";
    }
  }
}
