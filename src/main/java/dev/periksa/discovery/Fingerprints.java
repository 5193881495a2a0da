package dev.periksa.discovery;

import java.util.List;

/** Every product discovery can recognise. */
public final class Fingerprints {
  private Fingerprints() {}

  public static List<Fingerprint> all() {
    return List.of(
        new SearchClusterFingerprint(),
        new MongoDbFingerprint(),
        new RedisFingerprint(),
        new MemcachedFingerprint(),
        new FhirFingerprint(),
        new DicomWebFingerprint(),
        new S3Fingerprint());
  }
}
