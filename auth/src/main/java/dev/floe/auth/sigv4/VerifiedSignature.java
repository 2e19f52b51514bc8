package dev.floe.auth.sigv4;

import dev.floe.auth.Principal;

/**
 * A request signature that checked out, with what a streaming body needs to continue the chain.
 *
 * @param signature the request's (seed) signature
 */
record VerifiedSignature(
    Principal principal,
    SigningKey key,
    CredentialScope scope,
    RequestTime time,
    String signature) {}
