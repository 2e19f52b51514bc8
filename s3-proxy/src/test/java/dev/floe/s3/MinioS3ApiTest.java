package dev.floe.s3;

import java.net.URI;
import java.time.Duration;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * The S3 API contract through Floe in front of MinIO, the production-like backend. Needs a Docker
 * engine; without one the class is skipped, not failed.
 */
@Testcontainers(disabledWithoutDocker = true)
class MinioS3ApiTest extends S3ApiContract {

  private static final String ACCESS_KEY = "minio-backend-key";
  private static final String SECRET_KEY = "minio-backend-secret";

  private GenericContainer<?> minio;

  @Override
  BackendTarget startBackend() {
    minio =
        new GenericContainer<>(DockerImageName.parse("minio/minio:RELEASE.2025-04-22T22-12-26Z"))
            .withEnv("MINIO_ROOT_USER", ACCESS_KEY)
            .withEnv("MINIO_ROOT_PASSWORD", SECRET_KEY)
            .withCommand("server", "/data")
            .withExposedPorts(9000)
            .waitingFor(Wait.forHttp("/minio/health/ready").forPort(9000)
                .withStartupTimeout(Duration.ofMinutes(2)));
    minio.start();
    return new BackendTarget(
        URI.create("http://" + minio.getHost() + ":" + minio.getMappedPort(9000)),
        "us-east-1", ACCESS_KEY, SECRET_KEY);
  }

  @Override
  void stopBackend() {
    minio.stop();
  }
}
