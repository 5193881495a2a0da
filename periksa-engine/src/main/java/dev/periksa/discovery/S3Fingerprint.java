package dev.periksa.discovery;

import dev.periksa.probe.ProbeException;
import dev.periksa.probe.ProbeResponse;
import dev.periksa.product.S3Replies;
import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Amazon S3 and S3-compatible stores (MinIO, Ceph RGW, s3proxy...), over HTTP or HTTPS: {@code GET
 * /} answers ListBuckets ({@code ListAllMyBucketsResult}) or S3's own {@code Error} document, and
 * an invented bucket gets S3's error too ({@code NoSuchBucket} or {@code AccessDenied}); each error
 * carries S3's request id ({@code x-amz-request-id} or a {@code RequestId} element); see {@link
 * S3Replies}. A page that answers every path alike, even with a bucket listing, is not recognised.
 */
final class S3Fingerprint implements Fingerprint {
  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  public String kind() {
    return "s3";
  }

  @Override
  public String product() {
    return "S3-compatible object store";
  }

  @Override
  public List<Integer> defaultPorts() {
    return List.of(9000, 443, 80, 8080);
  }

  @Override
  public Optional<URI> identify(Probes probes, String host, int port) {
    for (String scheme : List.of("http", "https")) {
      URI base = URI.create(scheme + "://" + host + ":" + port);
      try {
        ProbeResponse root = probes.http().get(base.resolve("/"));
        if (!S3Replies.identifies(root.reply())) {
          if (root.status() > 0) {
            return Optional.empty(); // it spoke this scheme and is something else
          }
          continue;
        }
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        ProbeResponse invented =
            probes.http().get(base.resolve("/periksa-" + HexFormat.of().formatHex(b) + "/"));
        return S3Replies.ownError(invented.reply()) ? Optional.of(base) : Optional.empty();
      } catch (ProbeException e) {
        // Try the other scheme, or give up quietly.
      }
    }
    return Optional.empty();
  }
}
