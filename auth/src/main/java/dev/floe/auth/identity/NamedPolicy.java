package dev.floe.auth.identity;

/** A policy document stored under a name, to be attached to users and groups. */
public record NamedPolicy(String name, String document) {}
