package dev.periksa.target;

import java.net.URI;

/**
 * Something on the target that a check probes.
 *
 * @param name short name used in reports
 * @param kind what it is: {@code search} for a search cluster, {@code http} for a web API
 * @param url where it answers
 * @param identity optional name of a declared identity that may log in here
 */
public record Endpoint(String name, String kind, URI url, String identity) {}
