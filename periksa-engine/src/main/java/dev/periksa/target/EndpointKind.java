package dev.periksa.target;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What an endpoint is, which decides the checks that probe it and the URL schemes it takes. */
public enum EndpointKind {
  SEARCH("search", "Elasticsearch or OpenSearch cluster", Set.of("http", "https")),
  SOLR("solr", "Apache Solr", Set.of("http", "https")),
  KIBANA("kibana", "Kibana or OpenSearch Dashboards", Set.of("http", "https")),
  S3(
      "s3",
      "S3 or S3-compatible object store (MinIO); resources: bucket names",
      Set.of("http", "https")),
  GCS("gcs", "Google Cloud Storage; resources: bucket names", Set.of("http", "https")),
  AZURE_BLOB(
      "azure-blob", "Azure Blob Storage; resources: container names", Set.of("http", "https")),
  FIREBASE("firebase", "Firebase Realtime Database", Set.of("http", "https")),
  MONGODB("mongodb", "MongoDB", Set.of("mongodb")),
  REDIS("redis", "Redis", Set.of("redis")),
  POSTGRESQL("postgresql", "PostgreSQL", Set.of("postgresql")),
  MYSQL("mysql", "MySQL or MariaDB", Set.of("mysql")),
  COUCHDB("couchdb", "Apache CouchDB", Set.of("http", "https")),
  MEMCACHED("memcached", "Memcached", Set.of("memcached")),
  WEB(
      "web",
      "web server or application front; resources: extra paths to try",
      Set.of("http", "https")),
  FHIR("fhir", "FHIR API base URL", Set.of("http", "https")),
  DICOMWEB("dicomweb", "DICOMweb (QIDO-RS) base URL", Set.of("http", "https")),
  DICOM(
      "dicom",
      "DICOM archive over the DICOM network protocol (DIMSE); the URL's path may name the called"
          + " AE title",
      Set.of("dicom")),
  HTTP("http", "HTTP API", Set.of("http", "https")),
  TLS("tls", "TLS service that does not speak HTTP (TLS-1 and TLS-2 judge it)", Set.of("tls")),
  HL7(
      "hl7",
      "HL7 v2 interface (integration engine) over MLLP: mllp:// in clear, mllps:// over TLS",
      Set.of("mllp", "mllps"));

  private final String id;
  private final String description;
  private final Set<String> schemes;

  EndpointKind(String id, String description, Set<String> schemes) {
    this.id = id;
    this.description = description;
    this.schemes = schemes;
  }

  /** The name used in profiles. */
  public String id() {
    return id;
  }

  public String description() {
    return description;
  }

  /** URL schemes an endpoint of this kind may use. */
  public Set<String> schemes() {
    return schemes;
  }

  public static Optional<EndpointKind> of(String id) {
    return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
  }

  /** Every kind's id, in declaration order. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(EndpointKind::id).toList();
  }
}
