package dev.floe.cli;

import java.net.URI;
import java.util.regex.Pattern;

/** A named Floe server with the credentials used to sign requests to it, as in {@code mc alias}. */
public record Alias(String name, URI url, String accessKey, String secretKey, String region) {
  public static final String DEFAULT_REGION = "us-east-1";

  private static final String CATALOG_PATH = "/_iceberg";
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,62}");

  public Alias {
    if (!isValidName(name)) {
      throw new IllegalArgumentException(
          "invalid alias name '"
              + name
              + "': use a letter followed by letters, digits, '-' or '_'");
    }
    url = normalized(url);
    if (accessKey == null || accessKey.isEmpty() || secretKey == null || secretKey.isEmpty()) {
      throw new IllegalArgumentException(
          "alias '" + name + "' needs an access key and a secret key");
    }
    region = region == null || region.isBlank() ? DEFAULT_REGION : region;
  }

  public static boolean isValidName(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  private static URI normalized(URI url) {
    if (url == null
        || url.getHost() == null
        || !("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))
        || url.getRawQuery() != null
        || url.getRawFragment() != null
        || url.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "invalid server URL '"
              + url
              + "': expected http://host:port or https://host[:port][/path]");
    }
    String text = url.toString();
    while (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    // Iceberg clients are configured with <server>/_iceberg; people paste that URL here too.
    if (text.endsWith(CATALOG_PATH)) {
      text = text.substring(0, text.length() - CATALOG_PATH.length());
    }
    return URI.create(text);
  }

  @Override
  public String toString() {
    // Records print every component; the secret must never reach a log or a terminal.
    return "Alias[" + name + " " + url + " " + accessKey + " " + region + "]";
  }
}
