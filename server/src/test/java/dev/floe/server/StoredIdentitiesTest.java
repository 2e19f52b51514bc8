package dev.floe.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.floe.auth.Credential;
import dev.floe.auth.Principal;
import dev.floe.auth.identity.IdentityDirectory;
import dev.floe.auth.identity.IdentityException;
import dev.floe.auth.identity.SecretSeal;
import dev.floe.auth.identity.StoredCredentials;
import dev.floe.catalog.store.S3ObjectStore;
import dev.floe.catalog.store.StoreConnection;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Users, keys, groups and policies kept in the system bucket of a real (embedded) store. */
class StoredIdentitiesTest {
  private static final String BUCKET = "floe-system";
  private static final String POLICY =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";
  private static final Credential ROOT =
      new Credential("root-key", "root-secret", new Principal("root-key", "root-key", true));
  private static final SecretSeal SEAL = SecretSeal.fromBase64(Base64.getEncoder().encodeToString(new byte[32]));

  @TempDir static Path dataDir;
  private static EmbeddedStore embedded;
  private static S3ObjectStore store;
  private static int bucketCounter;

  @BeforeAll
  static void startStore() throws Exception {
    embedded = EmbeddedStore.start(dataDir);
    store = new S3ObjectStore(
        new StoreConnection(embedded.endpoint(), "us-east-1", embedded.accessKey(), embedded.secretKey()));
  }

  @AfterAll
  static void stopStore() throws Exception {
    store.close();
    embedded.close();
  }

  private static SystemBucketIdentityStorage freshStorage() {
    String bucket = BUCKET + "-" + (++bucketCounter);
    store.createBucket(bucket);
    return new SystemBucketIdentityStorage(store, bucket);
  }

  private static IdentityDirectory directory(SystemBucketIdentityStorage storage) {
    return new IdentityDirectory(storage, SEAL, ROOT.accessKeyId(), Clock.systemUTC());
  }

  @Test
  void aUsersKeyAuthenticatesAsTheUserWithItsOwnAndItsGroupsPolicies() {
    SystemBucketIdentityStorage storage = freshStorage();
    IdentityDirectory directory = directory(storage);
    directory.addUser("alice", "alice-secret");
    directory.createPolicy("reader", POLICY);
    directory.createPolicy("group-reader", POLICY);
    directory.attachToUser("reader", "alice", true);
    directory.addGroup("analysts");
    directory.attachToGroup("group-reader", "analysts", true);
    directory.setMembership("analysts", "alice", true);
    StoredCredentials credentials = new StoredCredentials(ROOT, storage, SEAL, Duration.ofSeconds(5));

    Credential alice = credentials.find("alice").orElseThrow();

    assertThat(alice.secretKey()).isEqualTo("alice-secret");
    assertThat(alice.principal()).isEqualTo(new Principal("alice", "alice", false));
    assertThat(credentials.identityPolicies(alice.principal()).policies()).hasSize(2);
    assertThat(credentials.sessionPolicy(alice.principal())).isEmpty();
  }

  @Test
  void aKeyWithAnInlinePolicyCarriesItAsASessionPolicy() {
    SystemBucketIdentityStorage storage = freshStorage();
    IdentityDirectory directory = directory(storage);
    directory.addUser("bob", "bob-secret-1");
    String keyId = directory.createAccessKey("bob", null, null, POLICY).key().accessKeyId();
    StoredCredentials credentials = new StoredCredentials(ROOT, storage, SEAL, Duration.ofSeconds(5));

    Principal principal = credentials.find(keyId).orElseThrow().principal();

    assertThat(principal.name()).isEqualTo("bob");
    assertThat(credentials.sessionPolicy(principal)).isPresent();
  }

  @Test
  void disabledUsersRemovedKeysAndUnknownKeysAuthenticateNothingButRootAlwaysDoes() {
    SystemBucketIdentityStorage storage = freshStorage();
    IdentityDirectory directory = directory(storage);
    directory.addUser("carol", "carol-secret");
    directory.addUser("dave", "dave-secret-");
    directory.setUserEnabled("carol", false);
    directory.removeUser("dave");
    StoredCredentials credentials = new StoredCredentials(ROOT, storage, SEAL, Duration.ofSeconds(5));

    assertThat(credentials.find("carol")).isEmpty();
    assertThat(credentials.find("dave")).isEmpty();
    assertThat(credentials.find("nobody")).isEmpty();
    assertThat(credentials.find("root-key")).contains(ROOT);
  }

  @Test
  void aChangeMadeByAnotherInstanceIsSeenWhenTheCacheLifetimeHasPassed() {
    SystemBucketIdentityStorage storage = freshStorage();
    directory(storage).addUser("erin", "erin-secret");
    StoredCredentials here = new StoredCredentials(ROOT, storage, SEAL, Duration.ofMillis(300));
    assertThat(here.find("erin")).isPresent();

    directory(storage).setUserEnabled("erin", false);

    await().atMost(Duration.ofSeconds(5)).until(() -> here.find("erin").isEmpty());
  }

  @Test
  void concurrentChangesToOneUserFromTwoInstancesAreAllKept() throws Exception {
    SystemBucketIdentityStorage storage = freshStorage();
    IdentityDirectory first = directory(storage);
    IdentityDirectory second = directory(storage);
    first.addUser("frank", "frank-secret");
    List<Callable<Object>> attachments = new ArrayList<>();
    IntStream.range(0, 8).forEach(i -> {
      first.createPolicy("p" + i, POLICY);
      IdentityDirectory instance = i % 2 == 0 ? first : second;
      attachments.add(() -> instance.attachToUser("p" + i, "frank", true));
    });

    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      for (Future<Object> done : threads.invokeAll(attachments)) {
        done.get();
      }
    } finally {
      threads.shutdownNow();
    }

    assertThat(first.user("frank").policies()).containsExactly("p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7");
  }

  @Test
  void invalidPoliciesNamesAndDuplicatesAreRefusedWithTypedErrors() {
    IdentityDirectory directory = directory(freshStorage());
    directory.addUser("grace", "grace-secret");

    assertThatThrownBy(() -> directory.createPolicy("bad", "{\"Statement\":[{\"Effect\":\"Maybe\"}]}"))
        .isInstanceOf(IdentityException.class)
        .extracting(e -> ((IdentityException) e).reason())
        .isEqualTo(IdentityException.Reason.INVALID);
    assertThatThrownBy(() -> directory.addUser("grace", "another-secret"))
        .extracting(e -> ((IdentityException) e).reason())
        .isEqualTo(IdentityException.Reason.ALREADY_EXISTS);
    assertThatThrownBy(() -> directory.addUser("no/slash", "a-long-secret"))
        .extracting(e -> ((IdentityException) e).reason())
        .isEqualTo(IdentityException.Reason.INVALID);
    assertThatThrownBy(() -> directory.addUser("root-key", "a-long-secret"))
        .hasMessageContaining("root user");
    assertThatThrownBy(() -> directory.addUser("henry", "short"))
        .hasMessageContaining("8 to 128 characters");
    assertThatThrownBy(() -> directory.attachToUser("missing", "grace", true))
        .extracting(e -> ((IdentityException) e).reason())
        .isEqualTo(IdentityException.Reason.NOT_FOUND);
  }

  @Test
  void startUpRefusesWithoutASecretKeyOutsideDevelopmentMode(@TempDir Path serverDir) {
    FloeConfig test = FloeConfig.forTesting(serverDir);
    FloeConfig withoutKey = new FloeConfig(
        test.address(), 0, test.dataDir(), "prod-root", "prod-root-secret", test.store(), test.systemBucket(),
        test.virtualHostDomain(), test.idempotencyLifetime(), test.maxCatalogBodyBytes());

    assertThatThrownBy(() -> FloeServer.start(withoutKey))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("FLOE_SECRET_KEY is required outside development mode");
  }
}
