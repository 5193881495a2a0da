package dev.periksa.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The e-HAC imaging archive: two real Orthanc PACS processes with the DICOMweb plugin, holding the
 * same synthetic chest-CT studies of travellers (patient name, NIK or passport as patient ID, birth
 * date, phone). The legacy twin's answers QIDO-RS and WADO-RS to anyone over plain HTTP; the
 * hardened twin's demands HTTP Basic credentials (Orthanc's own authentication) behind TLS.
 *
 * <p>Both also speak DICOM (DIMSE) on a port of their own, as {@value OrthancServer#AE_TITLE}: the
 * legacy archive associates with any calling AE title (C-ECHO, C-FIND and the rest); the hardened
 * one only with its one declared modality ({@value #MODALITY_AE} from the internal address), so a
 * stranger's association is rejected. Orthanc opens the DICOM port on every address; each twin's
 * profile names it under the twin's own address.
 */
public final class DicomWebLab implements LabService {
  /** Variables the lab's target profiles use. */
  public static final String LEGACY_DICOMWEB = "PERIKSA_LAB_LEGACY_DICOMWEB";

  public static final String HARDENED_DICOMWEB = "PERIKSA_LAB_HARDENED_DICOMWEB";

  /** The archives' DICOM (DIMSE) ports: {@code dicom://host:port/ORTHANC}. */
  public static final String LEGACY_DICOM = "PERIKSA_LAB_LEGACY_DICOM";

  public static final String HARDENED_DICOM = "PERIKSA_LAB_HARDENED_DICOM";

  /** The one peer the hardened archive's DICOM port accepts: a CT scanner on the internal net. */
  static final String MODALITY_AE = "EHAC-CT1";

  /** Studies in each archive: a few are enough to prove exposure. */
  public static final int STUDIES = 12;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ATTEMPTS = 3;

  private OrthancServer legacy;
  private OrthancServer hardened;
  private TlsRelay relay;
  private URI legacyUrl;
  private URI hardenedUrl;
  private URI legacyDicom;
  private URI hardenedDicom;

  @Override
  public String name() {
    return "PACS (Orthanc: DICOMweb plugin and DICOM port)";
  }

  @Override
  public Map<String, String> start(LabContext ctx) throws Exception {
    Path binary =
        OrthancServer.binary()
            .orElseThrow(
                () ->
                    new Unavailable(
                        "Orthanc is not installed (apt-get install orthanc orthanc-dicomweb)"));
    Path plugin =
        OrthancServer.dicomWebPlugin()
            .orElseThrow(
                () ->
                    new Unavailable(
                        "Orthanc's DICOMweb plugin is not installed (apt-get install"
                            + " orthanc-dicomweb)"));
    int studies = Math.min(STUDIES, ctx.records());

    IOException last = null;
    for (int attempt = 0; attempt < ATTEMPTS && legacy == null; attempt++) {
      int port = OrthancServer.freePort();
      int dicom = dicomPort(port);
      URI base = URI.create("http://" + ctx.legacyHost() + ":" + port);
      try {
        legacy =
            OrthancServer.start(
                binary,
                plugin,
                ctx.dir().resolve("orthanc-legacy-" + attempt),
                "ehac-pacs-legacy",
                port,
                List.of(ctx.legacyHost() + ":" + port),
                base,
                null,
                null,
                OrthancServer.dimse(dicom, true, List.of()));
        load(base, null, null, studies);
        legacyUrl = URI.create(base + OrthancServer.DICOMWEB_ROOT);
        legacyDicom = dicomUrl(ctx.legacyHost(), dicom);
      } catch (IOException e) {
        last = e; // most likely the port was taken between choosing and binding it
        if (legacy != null) {
          legacy.close();
          legacy = null;
        }
      }
    }
    if (legacy == null) {
      throw last;
    }

    String user = LabContext.HARDENED_USER;
    String password = ctx.secret("hardened");
    for (int attempt = 0; attempt < ATTEMPTS && hardened == null; attempt++) {
      int port = OrthancServer.freePort();
      int dicom = dicomPort(port);
      URI internal = URI.create("http://" + ctx.internalHost() + ":" + port);
      relay =
          new TlsRelay(
              ctx.hardenedHost(),
              ctx.serverTls("pacs.hardened.ehac.lab", ctx.hardenedHost()),
              new InetSocketAddress(ctx.internalHost(), port));
      try {
        hardened =
            OrthancServer.start(
                binary,
                plugin,
                ctx.dir().resolve("orthanc-hardened-" + attempt),
                "ehac-pacs-hardened",
                port,
                List.of(ctx.internalHost() + ":" + port, ctx.hardenedHost() + ":" + relay.port()),
                internal,
                user,
                password,
                OrthancServer.dimse(
                    dicom,
                    false,
                    List.of(
                        new OrthancServer.Modality(
                            "ct-scanner", MODALITY_AE, ctx.internalHost(), 104))));
        load(internal, user, password, studies);
        hardenedDicom = dicomUrl(ctx.hardenedHost(), dicom);
        hardenedUrl =
            URI.create(
                "https://" + ctx.hardenedHost() + ":" + relay.port() + OrthancServer.DICOMWEB_ROOT);
      } catch (IOException e) {
        last = e;
        relay.close();
        relay = null;
        if (hardened != null) {
          hardened.close();
          hardened = null;
        }
      }
    }
    if (hardened == null) {
      throw last;
    }
    ctx.progress(String.format("  %d synthetic CT studies in each archive", studies));
    Map<String, String> v = new LinkedHashMap<>();
    v.put(LEGACY_DICOMWEB, legacyUrl.toString());
    v.put(HARDENED_DICOMWEB, hardenedUrl.toString());
    v.put(LEGACY_DICOM, legacyDicom.toString());
    v.put(HARDENED_DICOM, hardenedDicom.toString());
    return v;
  }

  /** A free port for the DICOM port, other than the HTTP one. */
  private static int dicomPort(int http) throws IOException {
    int p = OrthancServer.freePort();
    return p != http ? p : OrthancServer.freePort();
  }

  private static URI dicomUrl(String host, int port) {
    return URI.create("dicom://" + host + ":" + port + "/" + OrthancServer.AE_TITLE);
  }

  /** Creates the studies through Orthanc's REST API ({@code /tools/create-dicom}). */
  static void load(URI base, String user, String password, int studies)
      throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    for (int i = 0; i < studies; i++) {
      byte[] body = JSON.writeValueAsBytes(Map.of("Tags", DicomRecords.studyTags(i)));
      HttpRequest.Builder b =
          HttpRequest.newBuilder(base.resolve("/tools/create-dicom"))
              .timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(body));
      OrthancServer.authorize(b, user, password);
      HttpResponse<Void> r = client.send(b.build(), HttpResponse.BodyHandlers.discarding());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(
            "Orthanc refused a synthetic study (" + r.statusCode() + ")");
      }
    }
  }

  @Override
  public List<String> describe() {
    return List.of(
        "legacy   dicomweb " + legacyUrl + "  (Orthanc, answers anyone)",
        "hardened dicomweb " + hardenedUrl + "  (TLS, Orthanc Basic authentication)",
        "legacy   dicom    " + legacyDicom + "  (DIMSE, any calling AE title)",
        "hardened dicom    "
            + hardenedDicom
            + "  (DIMSE, only the modality "
            + MODALITY_AE
            + " from the internal address)");
  }

  @Override
  public void close() throws Exception {
    try {
      if (relay != null) {
        relay.close();
      }
    } finally {
      try {
        if (hardened != null) {
          hardened.close();
        }
      } finally {
        if (legacy != null) {
          legacy.close();
        }
      }
    }
  }
}
