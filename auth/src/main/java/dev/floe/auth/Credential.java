package dev.floe.auth;

/** An access key, its secret and the principal it authenticates. */
public record Credential(String accessKeyId, String secretKey, Principal principal) {

  @Override
  public String toString() {
    return "Credential[accessKeyId=" + accessKeyId + ", principal=" + principal.name() + "]";
  }
}
