package dev.floe.s3;

/** What every exchange of one {@link S3ProxyHandler} shares. */
record ProxyContext(
    Backend backend,
    ReturnedResponseHeaders responseHeaders,
    BackendErrorSanitizer errors,
    ProxyMetrics metrics) {}
