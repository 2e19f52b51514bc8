package dev.floe.catalog.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@link ObjectStore} over the AWS SDK v2, path-style, so any S3-compatible endpoint works. Whole
 * objects are read and written with one signed request each on the S3 client's HTTP client
 * ({@link ObjectRequests}); listings, deletes and buckets go through the S3 client.
 *
 * <p>Conditional writes are never retried: a retried {@code If-Match} PUT whose first attempt
 * landed would come back 412 and read as a lost race. Their transport failures surface as {@link
 * StoreUnavailableException}, and the commit protocol settles the outcome by re-reading the
 * pointer.
 */
public final class S3ObjectStore implements ObjectStore {
  private static final int DELETE_BATCH = 1000;

  private final String storeId;
  private final SdkHttpClient http;
  private final S3Client client;
  private final ObjectRequests requests;

  public S3ObjectStore(StoreConnection connection) {
    this.storeId = connection.endpoint().toString();
    this.http =
        Apache5HttpClient.builder()
            .maxConnections(64)
            .connectionTimeout(Duration.ofSeconds(5))
            .socketTimeout(Duration.ofSeconds(30))
            .build();
    this.client = newClient(connection, http);
    this.requests = new ObjectRequests(http, connection);
  }

  private static S3Client newClient(StoreConnection connection, SdkHttpClient http) {
    return S3Client.builder()
        .httpClient(http)
        .endpointOverride(connection.endpoint())
        .region(Region.of(connection.region()))
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(connection.accessKeyId(), connection.secretKey())))
        .forcePathStyle(true)
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(60)))
        .build();
  }

  /** Read whole, by every load and commit (their pointers): see {@link ObjectRequests}. */
  @Override
  public Optional<StoredObject> get(String bucket, String key) {
    return requests.get(bucket, key);
  }

  @Override
  public Optional<String> headEtag(String bucket, String key) {
    try {
      return Optional.of(client.headObject(b -> b.bucket(bucket).key(key)).eTag());
    } catch (SdkException e) {
      if (status(e) == 404) {
        return Optional.empty();
      }
      throw unavailable("head", bucket, key, e);
    }
  }

  @Override
  public String putIfAbsent(String bucket, String key, byte[] body) {
    return conditionalPut(bucket, key, body, Map.of("If-None-Match", "*"));
  }

  @Override
  public String putIfMatch(String bucket, String key, byte[] body, String etag) {
    return conditionalPut(bucket, key, body, Map.of("If-Match", etag));
  }

  private String conditionalPut(
      String bucket, String key, byte[] body, Map<String, String> condition) {
    return underKeyLock(bucket, key, () -> requests.putIf(bucket, key, body, condition));
  }

  @Override
  public String put(String bucket, String key, byte[] body) {
    return underKeyLock(bucket, key, () -> requests.put(bucket, key, body));
  }

  @Override
  public void delete(String bucket, String key) {
    underKeyLock(
        bucket,
        key,
        () -> {
          try {
            client.deleteObject(b -> b.bucket(bucket).key(key));
          } catch (SdkException e) {
            if (status(e) != 404) {
              throw unavailable("delete", bucket, key, e);
            }
          }
          return null;
        });
  }

  @Override
  public void deletePrefix(String bucket, String prefix) {
    List<String> keys = listKeys(bucket, prefix);
    for (int start = 0; start < keys.size(); start += DELETE_BATCH) {
      List<ObjectIdentifier> batch =
          keys.subList(start, Math.min(keys.size(), start + DELETE_BATCH)).stream()
              .map(k -> ObjectIdentifier.builder().key(k).build())
              .toList();
      try {
        DeleteObjectsResponse response =
            client.deleteObjects(
                b -> b.bucket(bucket).delete(Delete.builder().objects(batch).quiet(true).build()));
        if (response.hasErrors() && !response.errors().isEmpty()) {
          throw new StoreUnavailableException(
              "Backing store failed to delete "
                  + response.errors().size()
                  + " objects under s3://"
                  + bucket
                  + "/"
                  + prefix
                  + ", first: "
                  + response.errors().get(0).key()
                  + " ("
                  + response.errors().get(0).code()
                  + ")",
              null);
        }
      } catch (SdkException e) {
        throw unavailable("delete objects under", bucket, prefix, e);
      }
    }
  }

  @Override
  public List<String> listKeys(String bucket, String prefix) {
    return list(bucket, prefix).stream().map(ListedObject::key).toList();
  }

  @Override
  public List<ListedObject> list(String bucket, String prefix) {
    List<ListedObject> result = new ArrayList<>();
    try {
      for (S3Object object :
          client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
        result.add(new ListedObject(object.key(), object.eTag()));
      }
      return result;
    } catch (SdkException e) {
      if (status(e) == 404) {
        return List.of();
      }
      throw unavailable("list", bucket, prefix, e);
    }
  }

  @Override
  public boolean bucketExists(String bucket) {
    try {
      client.headBucket(b -> b.bucket(bucket));
      return true;
    } catch (SdkException e) {
      if (status(e) == 404) {
        return false;
      }
      throw unavailable("check bucket", bucket, "", e);
    }
  }

  /**
   * Creates the bucket; one this account already owns is fine, one owned elsewhere is a lost race.
   */
  @Override
  public void createBucket(String bucket) {
    try {
      client.createBucket(b -> b.bucket(bucket));
    } catch (BucketAlreadyOwnedByYouException e) {
      return;
    } catch (BucketAlreadyExistsException e) {
      throw new PreconditionFailedException(bucket, "");
    } catch (SdkException e) {
      throw unavailable("create bucket", bucket, "", e);
    }
  }

  /** Deletes the bucket; an absent one is fine, a non-empty one is a failed precondition. */
  @Override
  public void deleteBucket(String bucket) {
    try {
      client.deleteBucket(b -> b.bucket(bucket));
    } catch (SdkException e) {
      int status = status(e);
      if (status == 404) {
        return;
      }
      if (status == 409) {
        throw new PreconditionFailedException(bucket, "");
      }
      throw unavailable("delete bucket", bucket, "", e);
    }
  }

  @Override
  public void close() {
    client.close();
    http.close();
  }

  private <T> T underKeyLock(String bucket, String key, Supplier<T> write) {
    ReentrantLock lock = KeyLocks.forKey(storeId, bucket, key);
    lock.lock();
    try {
      return write.get();
    } finally {
      lock.unlock();
    }
  }

  private static boolean noSuchBucket(SdkException e) {
    return e instanceof S3Exception s3
        && s3.awsErrorDetails() != null
        && "NoSuchBucket".equals(s3.awsErrorDetails().errorCode());
  }

  private static int status(SdkException e) {
    return e instanceof SdkServiceException service ? service.statusCode() : -1;
  }

  private static StoreUnavailableException unavailable(
      String action, String bucket, String key, SdkException e) {
    String detail =
        e instanceof S3Exception s3 && s3.awsErrorDetails() != null
            ? s3.statusCode() + " " + s3.awsErrorDetails().errorCode()
            : e.getClass().getSimpleName() + ": " + e.getMessage();
    return new StoreUnavailableException(
        "Backing store failed to " + action + " s3://" + bucket + "/" + key + " (" + detail + ")",
        e);
  }
}
