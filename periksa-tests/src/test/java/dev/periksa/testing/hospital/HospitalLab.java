package dev.periksa.testing.hospital;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.periksa.lab.FhirServer;
import dev.periksa.lab.NginxServer;
import dev.periksa.lab.S3Server;
import dev.periksa.testing.RespServer;
import dev.periksa.testing.TestCertificates;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;

/**
 * A second lab system unlike e-HAC, for tests only: a hospital information system (SIMRS, "RSUD
 * Sehat Sentosa") as two twins on loopback addresses of their own, each with its services inside
 * one random block of {@value #BLOCK} ports, so a discovery profile can name the host and the
 * range.
 *
 * <p>The vulnerable twin (default 127.0.0.5): an intranet over plain HTTP with a directory listing
 * of patient exports at {@code /ekspor/}; a JSON patient API without accounts over plain HTTP that
 * serves unmasked NIKs to anyone; a patient portal on nginx that speaks only TLS 1.0/1.1 with every
 * suite and a self-signed certificate, its plain port serving the same page; a FHIR server (HAPI)
 * answering anyone; an older Redis answering anyone; an S3 store (s3proxy) whose bucket {@code
 * simrs-arsip} is public. The secure twin (default 127.0.0.6): the same services hardened (HTTPS
 * with TLS 1.2+ and strong suites from the lab CA, HSTS, no listing, bearer tokens, masked NIKs, a
 * Redis password, a private bucket).
 *
 * <p>Every record is synthetic ({@link SimrsData}); every secret is made at start and handed to the
 * profiles through {@link #secrets()} ({@code ${VAR}} overrides), never written to a file.
 */
public final class HospitalLab implements AutoCloseable {
  /** Ports per twin. */
  public static final int BLOCK = 16;

  /** Patients in the register. */
  public static final int PATIENTS = 120;

  /** The bucket of the archive store. */
  public static final String BUCKET = "simrs-arsip";

  /** Variables of the secure profiles' secrets. */
  public static final String TOKEN_A = "SIMRS_TOKEN_A";

  public static final String TOKEN_B = "SIMRS_TOKEN_B";
  public static final String FHIR_TOKEN = "SIMRS_FHIR_TOKEN";
  public static final String REDIS_PASSWORD = "SIMRS_REDIS_PASSWORD";

  /** A violation planted on the vulnerable twin: the service, the requirement it breaks, what. */
  public record Planted(String service, String requirement, String description) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final List<SimrsData.Patient> patients = SimrsData.patients(PATIENTS);
  private final Map<String, String> secrets = new LinkedHashMap<>();
  private final List<AutoCloseable> running = new ArrayList<>();
  private final Twin vulnerable;
  private final Twin secure;
  private final TestCertificates.Issued ca;

  /** One twin: its address, its port block and where each service listens. */
  public static final class Twin {
    private final String host;
    private final PortBlock block;
    private final Map<String, URI> urls = new LinkedHashMap<>();

    private Twin(String host, PortBlock block) {
      this.host = host;
      this.block = block;
    }

    public String host() {
      return host;
    }

    /** The discovery range, "base-end". */
    public String portRange() {
      return block.range();
    }

    /** Each service by name (as the declared profile names it) and its URL. */
    public Map<String, URI> services() {
      return Map.copyOf(urls);
    }

    /** The port a service listens on. */
    public int port(String service) {
      return urls.get(service).getPort();
    }

    private URI add(String service, String url) {
      URI u = URI.create(url);
      urls.put(service, u);
      return u;
    }
  }

  public HospitalLab(Path dir) throws Exception {
    this(dir, "127.0.0.5", "127.0.0.6");
  }

  /**
   * Starts both twins.
   *
   * @param dir a folder for nginx configurations, keys and logs
   */
  public HospitalLab(Path dir, String vulnerableHost, String secureHost) throws Exception {
    Files.createDirectories(dir);
    secrets.put(TOKEN_A, secret());
    secrets.put(TOKEN_B, secret());
    secrets.put(FHIR_TOKEN, secret());
    secrets.put(REDIS_PASSWORD, secret());
    ca = TestCertificates.ca("RSUD Sehat Sentosa Lab CA (synthetic)");
    try {
      vulnerable = new Twin(vulnerableHost, PortBlock.free(vulnerableHost, BLOCK));
      startVulnerable(dir.resolve("vulnerable"));
      secure = new Twin(secureHost, PortBlock.free(secureHost, BLOCK));
      startSecure(dir.resolve("secure"));
    } catch (Exception | Error e) {
      close();
      throw e;
    }
  }

  public Twin vulnerable() {
    return vulnerable;
  }

  public Twin secure() {
    return secure;
  }

  /** The patients every twin holds. */
  public List<SimrsData.Patient> patients() {
    return patients;
  }

  /** The run's secrets, by the variable the profiles name them with. */
  public Map<String, String> secrets() {
    return Map.copyOf(secrets);
  }

  /** What the vulnerable twin breaks, service by service. */
  public static List<Planted> plantedViolations() {
    return List.of(
        new Planted("intranet", "PII-1", "patient CSV exports served over plain HTTP"),
        new Planted("intranet", "STO-4", "directory listing of patient exports at /ekspor/"),
        new Planted("intranet", "TLS-3", "plain HTTP, no redirect to HTTPS"),
        new Planted("intranet", "GOV-1", "no security.txt on any web front (advisory)"),
        new Planted("api", "PII-1", "patient JSON with NIKs over plain HTTP"),
        new Planted("api", "AUT-1", "patient list answered without any credentials"),
        new Planted("api", "AUZ-2", "unmasked NIKs and lab results to an anonymous caller"),
        new Planted("portal", "TLS-1", "TLS 1.0/1.1 only, with every suite (RC4, 3DES, NULL…)"),
        new Planted("portal", "TLS-2", "self-signed certificate for another name"),
        new Planted("portal", "TLS-3", "no HSTS; its plain port serves the page in clear"),
        new Planted("fhir", "STO-5", "Patient resources with NIKs read without a token"),
        new Planted("fhir", "PII-1", "Patient resources over plain HTTP"),
        new Planted("cache", "STO-3", "older Redis answering anyone, holding patient hashes"),
        new Planted("arsip", "STO-2", "public bucket simrs-arsip lists and serves its objects"),
        new Planted("arsip", "PII-1", "ekspor/pasien.csv served over plain HTTP"));
  }

  // ---------------------------------------------------------------- vulnerable twin

  private void startVulnerable(Path dir) throws Exception {
    Twin t = vulnerable;
    String h = t.host;
    HttpServer intranet = SimrsHttp.plain(h, t.block.port(0), this::openIntranet);
    running.add(() -> intranet.stop(0));
    t.add("intranet", "http://" + h + ":" + t.block.port(0));

    HttpServer api = SimrsHttp.plain(h, t.block.port(1), x -> api(x, null));
    running.add(() -> api.stop(0));
    t.add("api", "http://" + h + ":" + t.block.port(1));

    // An old portal: a self-signed certificate for the production name, TLS 1.0/1.1 only.
    Files.createDirectories(dir);
    TestCertificates.Issued old =
        TestCertificates.leaf("portal.rsud-sehat-sentosa.go.id")
            .dns("portal.rsud-sehat-sentosa.go.id")
            .rsa(2048)
            .build();
    Path[] pem = old.writePem(dir, "portal");
    int https = t.block.port(2);
    int plain = t.block.port(3);
    NginxServer portal =
        NginxServer.start(
            dir.resolve("nginx"),
            h,
            https,
            plain,
            (s, p) ->
                String.join(
                    "\n",
                    "server { listen " + h + ":" + s + " ssl;",
                    " ssl_certificate " + pem[1] + "; ssl_certificate_key " + pem[0] + ";",
                    " ssl_protocols TLSv1 TLSv1.1;",
                    " ssl_ciphers \"ALL:COMPLEMENTOFALL:@SECLEVEL=0\";",
                    PORTAL_PAGES,
                    "}",
                    "server { listen " + h + ":" + p + ";",
                    PORTAL_PAGES,
                    "}"));
    running.add(portal);
    t.add("portal", "https://" + h + ":" + https);
    t.add("portal-http", "http://" + h + ":" + plain);

    FhirServer fhir =
        new FhirServer(
            h,
            t.block.port(4),
            null,
            null,
            "SIMRS FHIR gateway, RSUD Sehat Sentosa (synthetic)",
            fhirPatients(),
            fhirResults());
    running.add(fhir);
    t.add("fhir", fhir.base().toString());

    RespServer redis = new RespServer(h, t.block.port(5), () -> new Redis(null));
    running.add(redis);
    t.add("cache", "redis://" + h + ":" + t.block.port(5));

    S3Server s3 = S3Server.withCredentials(h, t.block.port(6), "simrs", secret(), null);
    running.add(s3);
    fillArchive(s3, true);
    t.add("arsip", s3.url().toString());
  }

  // ---------------------------------------------------------------- secure twin

  private void startSecure(Path dir) throws Exception {
    Twin t = secure;
    String h = t.host;
    TestCertificates.Issued leaf =
        TestCertificates.leaf("simrs.rsud-sehat-sentosa.lab")
            .dns("simrs.rsud-sehat-sentosa.lab")
            .ip(h)
            .issuedBy(ca)
            .build();
    SSLContext tls = leaf.serverContext();

    int intranetHttps = t.block.port(1);
    HttpServer redirect =
        SimrsHttp.plain(
            h,
            t.block.port(0),
            x ->
                SimrsHttp.Reply.redirect(
                    301, "https://" + h + ":" + intranetHttps + x.getRequestURI().getRawPath()));
    running.add(() -> redirect.stop(0));
    t.add("intranet-http", "http://" + h + ":" + t.block.port(0));
    HttpServer intranet = SimrsHttp.https(h, intranetHttps, tls, x -> hsts(closedIntranet(x)));
    running.add(() -> intranet.stop(0));
    t.add("intranet", "https://" + h + ":" + intranetHttps);

    Map<String, Set<String>> owners =
        Map.of(
            secrets.get(TOKEN_A), Set.of(SimrsData.noRm(0)),
            secrets.get(TOKEN_B), Set.of(SimrsData.noRm(1)));
    HttpServer api = SimrsHttp.https(h, t.block.port(2), tls, x -> hsts(api(x, owners)));
    running.add(() -> api.stop(0));
    t.add("api", "https://" + h + ":" + t.block.port(2));

    Files.createDirectories(dir);
    Path[] pem = leaf.writePem(dir, "portal");
    int https = t.block.port(3);
    int plain = t.block.port(4);
    NginxServer portal =
        NginxServer.start(
            dir.resolve("nginx"),
            h,
            https,
            plain,
            (s, p) ->
                String.join(
                    "\n",
                    "server_tokens off;",
                    "server { listen " + h + ":" + s + " ssl;",
                    " ssl_certificate " + pem[1] + "; ssl_certificate_key " + pem[0] + ";",
                    " ssl_protocols TLSv1.2 TLSv1.3;",
                    " ssl_ciphers " + NginxServer.STRONG_CIPHERS + ";",
                    " add_header Strict-Transport-Security"
                        + " \"max-age=63072000; includeSubDomains\" always;",
                    PORTAL_PAGES,
                    "}",
                    "server { listen " + h + ":" + p + ";",
                    " location / { return 301 https://" + h + ":" + s + "$request_uri; }",
                    "}"));
    running.add(portal);
    t.add("portal", "https://" + h + ":" + https);
    t.add("portal-http", "http://" + h + ":" + plain);

    FhirServer fhir =
        new FhirServer(
            h,
            t.block.port(5),
            tls,
            secrets.get(FHIR_TOKEN),
            "SIMRS FHIR gateway, RSUD Sehat Sentosa (synthetic)",
            fhirPatients(),
            fhirResults());
    running.add(fhir);
    t.add("fhir", fhir.base().toString());

    RespServer redis =
        new RespServer(h, t.block.port(6), () -> new Redis(secrets.get(REDIS_PASSWORD)));
    running.add(redis);
    t.add("cache", "redis://" + h + ":" + t.block.port(6));

    S3Server s3 = S3Server.withCredentials(h, t.block.port(7), "simrs", secret(), tls);
    running.add(s3);
    fillArchive(s3, false);
    t.add("arsip", s3.url().toString());
  }

  // ---------------------------------------------------------------- intranet

  private static final String INTRANET_HOME =
      "<!DOCTYPE html>\n<html lang=\"id\"><head><meta charset=\"utf-8\"><title>SIMRS Intranet"
          + " - RSUD Sehat Sentosa</title></head>\n<body><h1>SIMRS Intranet</h1>\n<p>RSUD Sehat"
          + " Sentosa - sistem informasi manajemen rumah sakit. Hanya untuk petugas.</p>\n<ul>\n"
          + "<li><a href=\"/ekspor/\">Ekspor data bulanan (rekam medis, laboratorium)</a></li>\n"
          + "<li><a href=\"/pengumuman.html\">Pengumuman</a></li>\n</ul>\n"
          + "<p>Gangguan? Hubungi Instalasi SIMRS, ext. 2301.</p></body></html>\n";

  private static final String ANNOUNCEMENTS =
      "<!DOCTYPE html>\n<html lang=\"id\"><head><meta charset=\"utf-8\"><title>Pengumuman</title>"
          + "</head><body><h1>Pengumuman</h1><p>Pemeliharaan server SIMRS Sabtu pukul 22.00-24.00"
          + " WIB.</p><p><a href=\"/\">Kembali</a></p></body></html>\n";

  private static final String README =
      "Folder ekspor SIMRS\r\n===================\r\n"
          + "Ekspor otomatis tiap akhir bulan (cron 23:55) untuk pelaporan ke Dinas Kesehatan.\r\n"
          + "Format: CSV, pemisah titik koma (;), UTF-8.\r\n"
          + "Jangan disebarluaskan. Hapus setelah diunggah. -- Instalasi SIMRS\r\n";

  private SimrsHttp.Reply openIntranet(HttpExchange x) {
    String path = x.getRequestURI().getPath();
    Map<String, String> files = exports();
    if (path.equals("/") || path.equals("/index.html")) {
      return SimrsHttp.Reply.of(200, "text/html; charset=utf-8", INTRANET_HOME);
    }
    if (path.equals("/pengumuman.html")) {
      return SimrsHttp.Reply.of(200, "text/html; charset=utf-8", ANNOUNCEMENTS);
    }
    if (path.equals("/ekspor")) {
      return SimrsHttp.Reply.redirect(301, "/ekspor/");
    }
    if (path.equals("/ekspor/")) {
      return SimrsHttp.Reply.of(200, "text/html; charset=utf-8", listing("/ekspor/", files));
    }
    if (path.startsWith("/ekspor/") && files.containsKey(path.substring(8))) {
      String name = path.substring(8);
      return SimrsHttp.Reply.file(
          name.endsWith(".csv") ? "text/csv; charset=utf-8" : "text/plain; charset=utf-8",
          files.get(name));
    }
    return notFound();
  }

  private SimrsHttp.Reply closedIntranet(HttpExchange x) {
    String path = x.getRequestURI().getPath();
    if (path.equals("/") || path.equals("/index.html")) {
      return SimrsHttp.Reply.of(
          200,
          "text/html; charset=utf-8",
          INTRANET_HOME.replace(
              "<li><a href=\"/ekspor/\">Ekspor data bulanan (rekam medis, laboratorium)</a></li>\n",
              ""));
    }
    if (path.equals("/pengumuman.html")) {
      return SimrsHttp.Reply.of(200, "text/html; charset=utf-8", ANNOUNCEMENTS);
    }
    if (path.equals("/.well-known/security.txt")) {
      return SimrsHttp.Reply.of(200, "text/plain; charset=utf-8", securityTxt());
    }
    if (path.startsWith("/ekspor")) {
      return SimrsHttp.Reply.of(
          403,
          "text/html; charset=utf-8",
          "<html><head><title>403 Forbidden</title></head><body><h1>Forbidden</h1>"
              + "</body></html>\n");
    }
    return notFound();
  }

  /** RFC 9116, valid for a year from now, as the hardened hospital publishes it. */
  private static String securityTxt() {
    return "Contact: mailto:keamanan-siber@rsud-sehat-sentosa.example\n"
        + "Expires: "
        + java.time.Instant.now()
            .plus(java.time.Duration.ofDays(300))
            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
        + "\n"
        + "Preferred-Languages: id, en\n";
  }

  private static SimrsHttp.Reply notFound() {
    return SimrsHttp.Reply.of(
        404,
        "text/html; charset=utf-8",
        "<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1>"
            + "<p>The requested URL was not found on this server.</p></body></html>\n");
  }

  private static SimrsHttp.Reply hsts(SimrsHttp.Reply r) {
    return r.with("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  }

  /** The export folder's files, README first as the listing shows them. */
  private Map<String, String> exports() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("README.txt", README);
    files.put("hasil_lab_2026-11.csv", SimrsData.labResultsCsv(patients));
    files.put("pasien_2026-11.csv", SimrsData.patientCsv(patients));
    return files;
  }

  /** An autoindex-style listing, as a generic web server writes it. */
  private static String listing(String dir, Map<String, String> files) {
    StringBuilder b = new StringBuilder();
    b.append("<html>\r\n<head><title>Index of ")
        .append(dir)
        .append("</title></head>\r\n<body>\r\n<h1>Index of ")
        .append(dir)
        .append("</h1><hr><pre><a href=\"../\">../</a>\r\n");
    int day = 1;
    for (Map.Entry<String, String> f : files.entrySet()) {
      String name = f.getKey();
      b.append("<a href=\"")
          .append(name)
          .append("\">")
          .append(name)
          .append("</a>")
          .append(" ".repeat(Math.max(1, 51 - name.length())))
          .append(String.format("%02d-Dec-2026 23:5%d", day, day))
          .append(String.format("%20d", f.getValue().getBytes(StandardCharsets.UTF_8).length))
          .append("\r\n");
      day++;
    }
    b.append("</pre><hr></body>\r\n</html>\r\n");
    return b.toString();
  }

  // ---------------------------------------------------------------- patient API

  private static final String API_DOCS =
      "<!DOCTYPE html>\n<html lang=\"id\"><head><meta charset=\"utf-8\"><title>SIMRS API v1"
          + "</title></head><body><h1>SIMRS API v1</h1>\n<p>Integrasi antar-instalasi RSUD Sehat"
          + " Sentosa. Semua jawaban JSON (<code>Accept: application/json</code>).</p>\n<ul>"
          + "<li><code>GET /api/v1/pasien</code> daftar pasien</li>"
          + "<li><code>GET /api/v1/pasien/{no_rm}</code> satu pasien</li></ul></body></html>\n";

  /**
   * The patient API. Without owners it serves everyone every record; with owners (token to the
   * records it may read) it asks for a bearer token, lists only the caller's records and masks
   * NIKs.
   */
  private SimrsHttp.Reply api(HttpExchange x, Map<String, Set<String>> owners) throws IOException {
    String path = x.getRequestURI().getPath();
    boolean json = SimrsHttp.acceptsJson(x);
    if (path.equals("/")) {
      if (!json) {
        return SimrsHttp.Reply.redirect(302, "/docs/");
      }
      return jsonReply(200, Map.of("layanan", "simrs-api", "tautan", Map.of("pasien", PASIEN)));
    }
    if (path.equals("/docs")) {
      return SimrsHttp.Reply.redirect(301, "/docs/");
    }
    if (path.equals("/docs/")) {
      return SimrsHttp.Reply.of(200, "text/html; charset=utf-8", API_DOCS);
    }
    if (!path.equals(PASIEN) && !path.startsWith(PASIEN + "/")) {
      return json
          ? jsonReply(404, Map.of("pesan", "tidak ditemukan"))
          : SimrsHttp.Reply.of(404, "text/plain; charset=utf-8", "404 Not Found");
    }
    Set<String> allowed = null;
    if (owners != null) {
      String auth = x.getRequestHeaders().getFirst("Authorization");
      String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7).trim() : null;
      allowed = token == null ? null : owners.get(token);
      if (allowed == null) {
        return jsonReply(401, Map.of("pesan", "token tidak valid atau tidak ada"))
            .with("WWW-Authenticate", "Bearer realm=\"simrs-api\"");
      }
    }
    if (!json) {
      return SimrsHttp.Reply.of(406, "text/plain; charset=utf-8", "406 Not Acceptable");
    }
    boolean mask = owners != null;
    if (path.equals(PASIEN)) {
      List<Map<String, Object>> data = new ArrayList<>();
      for (SimrsData.Patient p : patients) {
        if (allowed == null || allowed.contains(p.noRm())) {
          data.add(p.asMap(mask));
        }
        if (data.size() == PAGE) {
          break;
        }
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("data", data);
      body.put(
          "meta",
          Map.of(
              "halaman",
              1,
              "per_halaman",
              PAGE,
              "total",
              allowed == null ? patients.size() : data.size()));
      return jsonReply(200, body);
    }
    String noRm = path.substring(PASIEN.length() + 1);
    if (allowed != null && !allowed.contains(noRm)) {
      return jsonReply(403, Map.of("pesan", "akses ditolak"));
    }
    for (SimrsData.Patient p : patients) {
      if (p.noRm().equals(noRm)) {
        return jsonReply(200, Map.of("data", p.asMap(mask)));
      }
    }
    return jsonReply(404, Map.of("pesan", "pasien tidak ditemukan"));
  }

  private static final String PASIEN = "/api/v1/pasien";
  private static final int PAGE = 25;

  private static SimrsHttp.Reply jsonReply(int status, Object body) throws IOException {
    return SimrsHttp.Reply.of(
        status, "application/json; charset=utf-8", JSON.writeValueAsString(body));
  }

  // ---------------------------------------------------------------- portal

  private static final String PORTAL_PAGES =
      String.join(
          "\n",
          " location = / { default_type text/html; return 200 '<!DOCTYPE html><html lang=\"id\">"
              + "<head><meta charset=\"utf-8\"><title>Portal Pasien RSUD Sehat Sentosa</title>"
              + "</head><body><h1>Portal Pasien</h1><p>Jadwal poliklinik, pendaftaran online dan"
              + " informasi kamar rawat inap.</p><p>Poli Penyakit Dalam: Senin-Jumat 08.00-14.00."
              + "</p></body></html>'; }",
          " location / { return 404; }");

  // ---------------------------------------------------------------- FHIR

  private static final String NIK_SYSTEM = "https://fhir.kemkes.go.id/id/nik";
  private static final String MR_SYSTEM = "http://sys-ids.kemkes.go.id/mr/3273001";

  private List<Patient> fhirPatients() {
    List<Patient> out = new ArrayList<>();
    for (int i = 0; i < patients.size(); i++) {
      SimrsData.Patient s = patients.get(i);
      Patient p = new Patient();
      p.setId("P" + (1000 + i));
      p.addIdentifier(
          new Identifier()
              .setUse(Identifier.IdentifierUse.OFFICIAL)
              .setSystem(NIK_SYSTEM)
              .setValue(s.nik()));
      p.addIdentifier(
          new Identifier()
              .setUse(Identifier.IdentifierUse.USUAL)
              .setSystem(MR_SYSTEM)
              .setValue(s.noRm()));
      p.addName(new HumanName().setUse(HumanName.NameUse.OFFICIAL).setText(s.nama()));
      p.addTelecom(
          new ContactPoint()
              .setSystem(ContactPoint.ContactPointSystem.PHONE)
              .setUse(ContactPoint.ContactPointUse.MOBILE)
              .setValue(s.noHp()));
      p.setGender(s.perempuan() ? AdministrativeGender.FEMALE : AdministrativeGender.MALE);
      p.setBirthDateElement(new DateType(s.tglLahir().toString()));
      p.addAddress(new Address().setUse(Address.AddressUse.HOME).setText(s.alamat()));
      out.add(p);
    }
    return out;
  }

  private List<Observation> fhirResults() {
    List<Observation> out = new ArrayList<>();
    for (int i = 0; i < patients.size(); i++) {
      SimrsData.Patient s = patients.get(i);
      Observation o = new Observation();
      o.setId("lab-" + (1000 + i));
      o.setStatus(Observation.ObservationStatus.FINAL);
      o.addCategory(
          new CodeableConcept(
              new Coding(
                  "http://terminology.hl7.org/CodeSystem/observation-category",
                  "laboratory",
                  "Laboratory")));
      o.setCode(new CodeableConcept().setText(s.pemeriksaan()));
      o.setSubject(new Reference("Patient/P" + (1000 + i)));
      o.setEffective(new DateTimeType(s.tglPeriksa().toString()));
      o.setValue(new CodeableConcept().setText(s.hasil()));
      out.add(o);
    }
    return out;
  }

  // ---------------------------------------------------------------- Redis

  /** One connection to an older Redis (5.0): patient hashes, a password when one is set. */
  private final class Redis implements java.util.function.Function<List<String>, String> {
    private final String password;
    private boolean authenticated;

    Redis(String password) {
      this.password = password;
      this.authenticated = password == null;
    }

    @Override
    public String apply(List<String> c) {
      String cmd = c.get(0).toUpperCase(java.util.Locale.ROOT);
      if (cmd.equals("AUTH")) {
        if (c.size() != 2) {
          return "-ERR wrong number of arguments for 'auth' command\r\n";
        }
        if (password == null) {
          return "-ERR Client sent AUTH, but no password is set\r\n";
        }
        authenticated =
            java.security.MessageDigest.isEqual(
                c.get(1).getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8));
        return authenticated ? "+OK\r\n" : "-ERR invalid password\r\n";
      }
      if (cmd.equals("QUIT")) {
        return "+OK\r\n";
      }
      if (!authenticated) {
        return "-NOAUTH Authentication required.\r\n";
      }
      Map<String, Map<String, String>> keys = redisKeys();
      return switch (cmd) {
        case "PING" -> "+PONG\r\n";
        case "SELECT" ->
            c.size() > 1 && c.get(1).equals("0") ? "+OK\r\n" : "-ERR DB index is out of range\r\n";
        case "DBSIZE" -> ":" + keys.size() + "\r\n";
        case "INFO" -> bulk(info(c.size() > 1 ? c.get(1) : "default", keys.size()));
        case "SCAN", "KEYS" -> {
          StringBuilder b = new StringBuilder();
          if (cmd.equals("SCAN")) {
            b.append("*2\r\n").append(bulk("0"));
          }
          b.append('*').append(keys.size()).append("\r\n");
          keys.keySet().forEach(k -> b.append(bulk(k)));
          yield b.toString();
        }
        case "TYPE" -> keys.containsKey(arg(c, 1)) ? "+hash\r\n" : "+none\r\n";
        case "HGETALL", "HSCAN" -> {
          Map<String, String> fields = keys.getOrDefault(arg(c, 1), Map.of());
          StringBuilder b = new StringBuilder();
          if (cmd.equals("HSCAN")) {
            b.append("*2\r\n").append(bulk("0"));
          }
          b.append('*').append(fields.size() * 2).append("\r\n");
          fields.forEach((k, v) -> b.append(bulk(k)).append(bulk(v)));
          yield b.toString();
        }
        case "GET", "GETRANGE" ->
            keys.containsKey(arg(c, 1))
                ? "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"
                : "$-1\r\n";
        case "HGET" -> {
          String v = keys.getOrDefault(arg(c, 1), Map.of()).get(arg(c, 2));
          yield v == null ? "$-1\r\n" : bulk(v);
        }
        default -> "-ERR unknown command `" + c.get(0) + "`, with args beginning with: \r\n";
      };
    }
  }

  private static String arg(List<String> c, int i) {
    return c.size() > i ? c.get(i) : "";
  }

  private Map<String, Map<String, String>> redisKeys() {
    Map<String, Map<String, String>> keys = new LinkedHashMap<>();
    for (SimrsData.Patient p : patients.subList(0, 40)) {
      Map<String, String> f = new LinkedHashMap<>();
      f.put("no_rm", p.noRm());
      f.put("nama_pasien", p.nama());
      f.put("nik", p.nik());
      f.put("tgl_lahir", p.tglLahir().toString());
      f.put("no_hp", p.noHp());
      f.put("poli", "Penyakit Dalam");
      f.put("diagnosa", p.icd10());
      keys.put("simrs:antrian:" + p.noRm(), f);
    }
    return keys;
  }

  private static String info(String section, int keys) {
    String server =
        "# Server\r\nredis_version:5.0.14\r\nredis_mode:standalone\r\nos:Linux 5.10.0-28-amd64"
            + " x86_64\r\narch_bits:64\r\ntcp_port:6379\r\nuptime_in_seconds:8830421\r\n";
    String keyspace = "# Keyspace\r\ndb0:keys=" + keys + ",expires=0,avg_ttl=0\r\n";
    return switch (section.toLowerCase(java.util.Locale.ROOT)) {
      case "server" -> server;
      case "keyspace" -> keyspace;
      default -> server + "\r\n# Clients\r\nconnected_clients:3\r\n\r\n" + keyspace;
    };
  }

  private static String bulk(String s) {
    return "$" + s.getBytes(StandardCharsets.UTF_8).length + "\r\n" + s + "\r\n";
  }

  // ---------------------------------------------------------------- archive (S3)

  private void fillArchive(S3Server s3, boolean open) {
    s3.createBucket(BUCKET, open);
    List<SimrsData.Patient> some = patients.subList(0, 60);
    s3.put(
        BUCKET,
        "README.txt",
        ("Arsip SIMRS RSUD Sehat Sentosa. Salinan ekspor bulanan; retensi 5 tahun.\n")
            .getBytes(StandardCharsets.UTF_8),
        "text/plain",
        open);
    s3.put(
        BUCKET,
        "ekspor/hasil_lab.csv",
        SimrsData.labResultsCsv(some).getBytes(StandardCharsets.UTF_8),
        "text/csv",
        open);
    s3.put(
        BUCKET,
        "ekspor/pasien.csv",
        SimrsData.patientCsv(some).getBytes(StandardCharsets.UTF_8),
        "text/csv",
        open);
  }

  // ---------------------------------------------------------------- profiles

  /**
   * Writes the four profiles and the lab CA's certificate into {@code dir}: vulnerable-declared,
   * vulnerable-discovery, secure-declared, secure-discovery (in that order).
   */
  public List<Path> writeProfiles(Path dir, int timeoutSeconds) throws IOException {
    Files.createDirectories(dir);
    ca.writeCertificate(dir.resolve("simrs-ca.pem"));
    Map<String, String> files = new LinkedHashMap<>();
    files.put("vulnerable-declared.yaml", vulnerableDeclared(timeoutSeconds));
    files.put(
        "vulnerable-discovery.yaml", discovery(vulnerable, "vulnerable", false, timeoutSeconds));
    files.put("secure-declared.yaml", secureDeclared(timeoutSeconds));
    files.put("secure-discovery.yaml", discovery(secure, "secure", true, timeoutSeconds));
    List<Path> out = new ArrayList<>();
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path p = dir.resolve(f.getKey());
      Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
      out.add(p);
    }
    return out;
  }

  private static String head(String name, Twin t, int timeoutSeconds) {
    return "name: \""
        + name
        + "\"\n"
        + "description: SIMRS of RSUD Sehat Sentosa, Periksa's hospital test lab (synthetic"
        + " data).\n"
        + "scope:\n  hosts: [\""
        + t.host
        + "\"]\n"
        + "rateLimit: 50\n"
        + "timeoutSeconds: "
        + timeoutSeconds
        + "\n";
  }

  private String vulnerableDeclared(int timeoutSeconds) {
    Map<String, URI> s = vulnerable.urls;
    return head("SIMRS vulnerable twin (declared)", vulnerable, timeoutSeconds)
        + "endpoints:\n"
        + "  - {name: intranet, kind: web, url: \""
        + s.get("intranet")
        + "\"}\n"
        + "  - name: api\n    kind: http\n    url: \""
        + s.get("api")
        + "\"\n"
        + "    api:\n"
        + "      personalData: [\"/api/v1/pasien\"]\n"
        + "      record: \"/api/v1/pasien/{id}\"\n"
        + "  - {name: portal, kind: web, url: \""
        + s.get("portal")
        + "\"}\n"
        + "  - {name: portal-http, kind: web, url: \""
        + s.get("portal-http")
        + "\"}\n"
        + "  - {name: fhir, kind: fhir, url: \""
        + s.get("fhir")
        + "\"}\n"
        + "  - {name: cache, kind: redis, url: \""
        + s.get("cache")
        + "\"}\n"
        + "  - {name: arsip, kind: s3, url: \""
        + s.get("arsip")
        + "\", resources: ["
        + BUCKET
        + "]}\n";
  }

  private String secureDeclared(int timeoutSeconds) {
    Map<String, URI> s = secure.urls;
    return head("SIMRS secure twin (declared)", secure, timeoutSeconds)
        + "tls:\n  trust: [\"simrs-ca.pem\"]\n"
        + "endpoints:\n"
        + "  - {name: intranet-http, kind: web, url: \""
        + s.get("intranet-http")
        + "\"}\n"
        + "  - {name: intranet, kind: web, url: \""
        + s.get("intranet")
        + "\"}\n"
        + "  - name: api\n    kind: http\n    url: \""
        + s.get("api")
        + "\"\n"
        + "    api:\n"
        + "      personalData: [\"/api/v1/pasien\"]\n"
        + "      record: \"/api/v1/pasien/{id}\"\n"
        + "      identities: [pasien-a, pasien-b]\n"
        // A patient portal shows patients their own lab results; that is what the role needs.
        + "      ownRecordsShow: [test-result]\n"
        + "  - {name: portal, kind: web, url: \""
        + s.get("portal")
        + "\"}\n"
        + "  - {name: portal-http, kind: web, url: \""
        + s.get("portal-http")
        + "\"}\n"
        + "  - {name: fhir, kind: fhir, url: \""
        + s.get("fhir")
        + "\", identity: fhir-reader}\n"
        + "  - {name: cache, kind: redis, url: \""
        + s.get("cache")
        + "\", identity: cache-user}\n"
        + "  - {name: arsip, kind: s3, url: \""
        + s.get("arsip")
        + "\", resources: ["
        + BUCKET
        + "]}\n"
        + "identities:\n"
        + "  - {name: pasien-a, token: \"${"
        + TOKEN_A
        + "}\", owns: [\""
        + SimrsData.noRm(0)
        + "\"]}\n"
        + "  - {name: pasien-b, token: \"${"
        + TOKEN_B
        + "}\", owns: [\""
        + SimrsData.noRm(1)
        + "\"]}\n"
        + "  - {name: fhir-reader, token: \"${"
        + FHIR_TOKEN
        + "}\"}\n"
        + "  - {name: cache-user, username: default, password: \"${"
        + REDIS_PASSWORD
        + "}\"}\n";
  }

  private static String discovery(Twin t, String which, boolean trust, int timeoutSeconds) {
    return head("SIMRS " + which + " twin (discovery)", t, timeoutSeconds)
        + (trust ? "tls:\n  trust: [\"simrs-ca.pem\"]\n" : "")
        + "discovery:\n"
        + "  hosts: [\""
        + t.host
        + "\"]\n"
        + "  ports: [\""
        + t.block.range()
        + "\"]\n";
  }

  private static String secret() {
    byte[] b = new byte[24];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  @Override
  public void close() {
    for (int i = running.size() - 1; i >= 0; i--) {
      try {
        running.get(i).close();
      } catch (Exception e) {
        // Closing the rest anyway.
      }
    }
    running.clear();
  }
}
