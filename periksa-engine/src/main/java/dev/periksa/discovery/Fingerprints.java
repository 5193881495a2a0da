package dev.periksa.discovery;

import java.util.List;

/** Every product discovery can recognise. */
public final class Fingerprints {
  private Fingerprints() {}

  public static List<Fingerprint> all() {
    return List.of(
        new SearchClusterFingerprint(),
        new SolrFingerprint(),
        new KibanaFingerprint(),
        new MongoDbFingerprint(),
        new RedisFingerprint(),
        new MemcachedFingerprint(),
        new FhirFingerprint(),
        new DicomWebFingerprint(),
        new DicomFingerprint(),
        new ActuatorFingerprint(),
        new PostgresFingerprint(),
        new MySqlFingerprint(),
        new CouchDbFingerprint(),
        new S3Fingerprint(),
        new Hl7Fingerprint());
  }
}
