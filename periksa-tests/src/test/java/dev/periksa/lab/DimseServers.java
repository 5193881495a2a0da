package dev.periksa.lab;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Real DICOM (DIMSE) archives for tests, each holding the first few of the lab's synthetic
 * travellers' studies (names and NIK-shaped patient IDs invented by {@link EhacData}): Orthanc's
 * DICOM port and dcmtk's {@code dcmqrscp}, each open (any calling AE title may query) or protected
 * (one known peer only). Both listen on every address at a port picked at run time; tests reach
 * them at 127.0.0.1.
 */
public final class DimseServers {
  /** The AE title both archives answer as. */
  public static final String ORTHANC_AE = OrthancServer.AE_TITLE;

  public static final String DCMQRSCP_AE = "DCMQRSCP";

  /** The one peer a protected archive knows. */
  public static final String KNOWN_PEER = "MODALITY1";

  private DimseServers() {}

  /** A running archive: its {@code dicom://} URL (without AE title), port and folder. */
  public record Running(URI url, int port, Path dir, AutoCloseable process)
      implements AutoCloseable {
    @Override
    public void close() throws Exception {
      process.close();
    }
  }

  /** The patient IDs of the first {@code studies} synthetic studies, in order. */
  public static List<String> patientIds(int studies) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < studies; i++) {
      ids.add(DicomRecords.studyTags(i).get("PatientID"));
    }
    return ids;
  }

  public static boolean orthancInstalled() {
    return OrthancServer.binary().isPresent() && OrthancServer.dicomWebPlugin().isPresent();
  }

  public static boolean dcmtkInstalled() {
    return Files.isExecutable(Path.of("/usr/bin/dcmqrscp"))
        && Files.isExecutable(Path.of("/usr/bin/dump2dcm"))
        && Files.isExecutable(Path.of("/usr/bin/dcmqridx"));
  }

  /** Orthanc with its DICOM port on, holding {@code studies} studies. */
  public static Running orthanc(Path dir, boolean open, int studies) throws Exception {
    IOException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      int http = OrthancServer.freePort();
      int dicom = OrthancServer.freePort();
      Map<String, Object> s =
          OrthancServer.dimse(
              dicom,
              open,
              open
                  ? List.of()
                  : List.of(
                      new OrthancServer.Modality("modality1", KNOWN_PEER, "127.0.0.1", 11113)));
      URI base = URI.create("http://127.0.0.1:" + http);
      Path d = dir.resolve("orthanc-" + (open ? "open" : "protected") + "-" + attempt);
      OrthancServer server = null;
      try {
        server =
            OrthancServer.start(
                OrthancServer.binary().orElseThrow(),
                OrthancServer.dicomWebPlugin().orElseThrow(),
                d,
                "dimse-" + (open ? "open" : "protected"),
                http,
                List.of("127.0.0.1:" + http),
                base,
                null,
                null,
                s);
        DicomWebLab.load(base, null, null, studies);
        return new Running(URI.create("dicom://127.0.0.1:" + dicom), dicom, d, server);
      } catch (IOException e) {
        last = e; // most likely a port was taken between choosing and binding it
        if (server != null) {
          server.close();
        }
      }
    }
    throw last;
  }

  /** dcmtk's dcmqrscp answering as {@link #DCMQRSCP_AE}, holding {@code studies} studies. */
  public static Running dcmqrscp(Path dir, boolean open, int studies) throws Exception {
    Path d = dir.resolve("dcmqrscp-" + (open ? "open" : "protected"));
    Path db = d.resolve("db");
    Files.createDirectories(db);
    List<String> files = new ArrayList<>();
    for (int i = 0; i < studies; i++) {
      Path dump = d.resolve("study-" + i + ".dump");
      Path dcm = d.resolve("study-" + i + ".dcm");
      Files.writeString(dump, dump(i), StandardCharsets.UTF_8);
      run(List.of("/usr/bin/dump2dcm", "-q", "-g", dump.toString(), dcm.toString()));
      files.add(dcm.toString());
    }
    List<String> idx = new ArrayList<>(List.of("/usr/bin/dcmqridx", "-q", db.toString()));
    idx.addAll(files);
    run(idx);
    IOException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      int port = OrthancServer.freePort();
      Path cfg = d.resolve("dcmqrscp.cfg");
      Files.writeString(
          cfg,
          "NetworkTCPPort = "
              + port
              + "\nMaxPDUSize = 16384\nMaxAssociations = 16\n"
              + "HostTable BEGIN\n"
              + "modality1 = ("
              + KNOWN_PEER
              + ", localhost, 11113)\n"
              + "known = modality1\n"
              + "HostTable END\n"
              + "VendorTable BEGIN\nVendorTable END\n"
              + "AETable BEGIN\n"
              + DCMQRSCP_AE
              + " "
              + db
              + " R (10, 64mb) "
              + (open ? "ANY" : "known")
              + "\nAETable END\n");
      Process p =
          new ProcessBuilder("/usr/bin/dcmqrscp", "-c", cfg.toString(), String.valueOf(port))
              .redirectErrorStream(true)
              .redirectOutput(d.resolve("dcmqrscp-" + attempt + ".log").toFile())
              .start();
      AutoCloseable stop =
          () -> {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
              p.destroyForcibly();
            }
          };
      try {
        awaitListening(port);
        if (!p.isAlive()) {
          throw new IOException("dcmqrscp stopped while starting");
        }
        return new Running(URI.create("dicom://127.0.0.1:" + port), port, d, stop);
      } catch (IOException e) {
        last = e;
        stop.close();
      }
    }
    throw last;
  }

  /** A dcmtk text dump of synthetic study {@code i}: one CT image without pixels. */
  static String dump(int i) {
    Map<String, String> t = DicomRecords.studyTags(i);
    String uid = "1.2.826.0.1.3680043.9.7433.2." + (i + 1);
    return String.join(
        "\n",
        "(0008,0005) CS [ISO_IR 192]",
        "(0008,0016) UI [1.2.840.10008.5.1.4.1.1.7]",
        "(0008,0018) UI [" + uid + ".1.1]",
        "(0008,0020) DA [" + t.get("StudyDate") + "]",
        "(0008,0050) SH [" + t.get("AccessionNumber") + "]",
        "(0008,0060) CS [CT]",
        "(0010,0010) PN [" + t.get("PatientName") + "]",
        "(0010,0020) LO [" + t.get("PatientID") + "]",
        "(0010,0030) DA [" + t.get("PatientBirthDate") + "]",
        "(0010,0040) CS [" + t.get("PatientSex") + "]",
        "(0020,000d) UI [" + uid + "]",
        "(0020,000e) UI [" + uid + ".1]",
        "(0020,0010) SH [" + t.get("StudyID") + "]",
        "(0020,0011) IS [1]",
        "(0020,0013) IS [1]",
        "");
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(command.get(0) + " failed: " + out);
    }
  }

  private static void awaitListening(int port) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    throw new IOException("nothing listens on 127.0.0.1:" + port + " after 15 s");
  }
}
