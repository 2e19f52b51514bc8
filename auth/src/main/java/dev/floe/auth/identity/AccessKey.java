package dev.floe.auth.identity;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An access key as stored: the secret only in sealed form, bound to the key id.
 *
 * @param sessionPolicy an IAM policy that narrows what requests signed with this key may do, or
 *     null
 * @param created when the key was created, ISO-8601
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccessKey(
    String accessKeyId,
    String sealedSecret,
    String owner,
    boolean enabled,
    String sessionPolicy,
    String created) {

  @Override
  public String toString() {
    return "AccessKey[accessKeyId=" + accessKeyId + ", owner=" + owner + ", enabled=" + enabled + "]";
  }
}
