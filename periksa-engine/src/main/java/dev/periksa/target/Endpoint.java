package dev.periksa.target;

import java.net.URI;
import java.util.List;

/**
 * Something on the target that a check probes.
 *
 * @param name short name used in reports
 * @param kind what it is, one of {@link EndpointKind#ids()}
 * @param url where it answers ({@code http(s)://}, or {@code mongodb://}, {@code redis://} ...)
 * @param identity optional name of a declared identity that may log in here
 * @param resources names a check should try here: bucket or container names, extra paths
 * @param fixture a resource the owner created for write probes; write probes run only against it,
 *     and only when it is named
 * @param api how an HTTP API authenticates and where its personal data is, or null
 */
public record Endpoint(
    String name,
    String kind,
    URI url,
    String identity,
    List<String> resources,
    String fixture,
    ApiSettings api) {

  public Endpoint {
    resources = resources == null ? List.of() : List.copyOf(resources);
  }

  public Endpoint(String name, String kind, URI url, String identity) {
    this(name, kind, url, identity, List.of(), null, null);
  }

  public Endpoint(
      String name, String kind, URI url, String identity, List<String> resources, String fixture) {
    this(name, kind, url, identity, resources, fixture, null);
  }

  /** The URL of a path on this endpoint (the endpoint URL's own path is its base). */
  public URI resolve(String path) {
    String base = url.toString();
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return URI.create(base + (path.startsWith("/") ? path : "/" + path));
  }

  /** The port in the URL, or the scheme's usual one. */
  public int port(int fallback) {
    return url.getPort() > 0 ? url.getPort() : fallback;
  }
}
