package dev.floe.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS CLI as a second, independent client (botocore signs differently from the Java SDK).
 * Runs when {@code aws} is on the PATH and is skipped with a message otherwise.
 */
class AwsCliTest {

  private static EmbeddedS3Store store;
  private static FloeS3Endpoint floe;
  @TempDir static Path home;

  /** The outcome of one CLI invocation. */
  record Run(int exitCode, String stdout, String stderr) {}

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(awsOnPath(),
        "the aws CLI is not on the PATH (Debian: apt-get install awscli); skipping");
    store = EmbeddedS3Store.inMemory();
    floe = FloeS3Endpoint.start(store.target());
    Files.writeString(home.resolve("config"),
        "[default]\nregion = us-east-1\ns3 =\n  addressing_style = path\n");
  }

  @AfterAll
  static void stop() throws Exception {
    if (floe != null) {
      floe.close();
      store.close();
    }
  }

  private static boolean awsOnPath() {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String directory : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(directory, "aws"))) {
        return true;
      }
    }
    return false;
  }

  private static Run aws(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", floe.uri().toString()));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> environment = builder.environment();
    environment.put("AWS_ACCESS_KEY_ID", FloeS3Endpoint.ACCESS_KEY);
    environment.put("AWS_SECRET_ACCESS_KEY", FloeS3Endpoint.SECRET_KEY);
    environment.put("AWS_CONFIG_FILE", home.resolve("config").toString());
    environment.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
    environment.put("AWS_EC2_METADATA_DISABLED", "true");
    environment.put("AWS_PAGER", "");
    environment.remove("AWS_PROFILE");
    Path stdout = Files.createTempFile(home, "stdout", ".txt");
    Path stderr = Files.createTempFile(home, "stderr", ".txt");
    Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
        .start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("aws " + String.join(" ", arguments) + " timed out");
    }
    return new Run(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
  }

  @Test
  @DisplayName("aws s3 mb, cp up and down, ls and rm")
  void copyListRemove() throws Exception {
    Path local = home.resolve("notes with spaces.txt");
    Files.writeString(local, "written by the aws cli\n");

    assertThat(aws("s3", "mb", "s3://cli-bucket").exitCode()).isZero();
    Run upload = aws("s3", "cp", local.toString(), "s3://cli-bucket/dir/notes with spaces.txt");
    assertThat(upload.exitCode()).as(upload.stderr()).isZero();
    Run listing = aws("s3", "ls", "s3://cli-bucket/dir/");
    assertThat(listing.stdout()).contains("notes with spaces.txt");

    Path downloaded = home.resolve("downloaded.txt");
    Run download = aws("s3", "cp", "s3://cli-bucket/dir/notes with spaces.txt",
        downloaded.toString());
    assertThat(download.exitCode()).as(download.stderr()).isZero();
    assertThat(Files.readString(downloaded)).isEqualTo("written by the aws cli\n");

    assertThat(aws("s3", "rm", "s3://cli-bucket/dir/notes with spaces.txt").exitCode()).isZero();
    assertThat(aws("s3", "ls", "s3://cli-bucket/dir/").stdout()).isEmpty();
  }

  @Test
  @DisplayName("aws s3 cp of a 20 MiB file goes as a multipart upload and comes back intact")
  void multipartCopy() throws Exception {
    byte[] content = new byte[20 * 1024 * 1024];
    new Random(20).nextBytes(content);
    Path local = home.resolve("large.bin");
    Files.write(local, content);
    aws("s3", "mb", "s3://cli-large");

    Run upload = aws("s3", "cp", local.toString(), "s3://cli-large/large.bin");
    Path downloaded = home.resolve("large-downloaded.bin");
    Run download = aws("s3", "cp", "s3://cli-large/large.bin", downloaded.toString());

    assertThat(upload.exitCode()).as(upload.stderr()).isZero();
    assertThat(download.exitCode()).as(download.stderr()).isZero();
    assertThat(Files.readAllBytes(downloaded)).isEqualTo(content);
  }

  @Test
  @DisplayName("aws s3api put-object --if-none-match creates once and then reports 412")
  void conditionalPut() throws Exception {
    Path body = home.resolve("body.txt");
    Files.writeString(body, "first", StandardCharsets.UTF_8);
    aws("s3", "mb", "s3://cli-conditional");

    Run first = aws("s3api", "put-object", "--bucket", "cli-conditional", "--key", "once",
        "--body", body.toString(), "--if-none-match", "*");
    Run second = aws("s3api", "put-object", "--bucket", "cli-conditional", "--key", "once",
        "--body", body.toString(), "--if-none-match", "*");

    assertThat(first.exitCode()).as(first.stderr()).isZero();
    assertThat(second.exitCode()).isNotZero();
    assertThat(second.stderr()).contains("PreconditionFailed");
  }
}
