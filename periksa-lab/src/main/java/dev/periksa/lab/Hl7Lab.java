package dev.periksa.lab;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The e-HAC HL7 v2 interface engine: two real HAPI HL7v2 MLLP listeners ({@link Hl7Engine}) that
 * answer a demographics query ({@code QRY^A19}) with a synthetic traveller's NIK, name, birth date,
 * address and phone ({@code ADR^A19}). The legacy twin's listens in clear on the legacy address and
 * answers anyone; its query route is lenient, as engines wired in a hurry are: an id it does not
 * know (neither an e-HAC id nor a NIK of its travellers) gets the latest traveller registered. The
 * hardened twin's is the same engine on the internal address, reachable from the hardened address
 * only through TLS that demands a client certificate issued by the lab CA (mutual TLS), so a
 * stranger's handshake is refused before a byte reaches the engine.
 */
public final class Hl7Lab implements LabService {
  /** Variables the lab's target profiles use: {@code mllp://host:port}, {@code mllps://...}. */
  public static final String LEGACY_HL7 = "PERIKSA_LAB_LEGACY_HL7";

  public static final String HARDENED_HL7 = "PERIKSA_LAB_HARDENED_HL7";

  /** Travellers the engines know: a few hundred is enough. */
  static final int TRAVELLERS = 500;

  /** The engines' facility (MSH-4) and the assigning authority of their record numbers. */
  static final String FACILITY = "EHAC";

  private Hl7Engine legacy;
  private Hl7Engine hardened;

  @Override
  public String name() {
    return "HL7 v2 interface engine (HAPI HL7v2 2.5.1 MLLP listener)";
  }

  @Override
  public Map<String, String> start(LabContext ctx) throws Exception {
    int n = Math.min(TRAVELLERS, ctx.records());
    Function<String, Hl7Engine.Patient> directory = directory(n);
    legacy = Hl7Engine.open(ctx.legacyHost(), FACILITY, directory);
    hardened =
        Hl7Engine.mutualTls(
            ctx.hardenedHost(),
            ctx.internalHost(),
            ctx.serverTlsForPartners("hl7.hardened.ehac.lab", ctx.hardenedHost()),
            FACILITY,
            directory);
    ctx.progress(String.format("  %d synthetic travellers known to each engine", n));
    Map<String, String> v = new LinkedHashMap<>();
    v.put(LEGACY_HL7, legacy.url().toString());
    v.put(HARDENED_HL7, hardened.url().toString());
    return v;
  }

  /**
   * The first {@code n} travellers who hold a NIK, by e-HAC id and by NIK; any other id gets the
   * latest of them.
   */
  static Function<String, Hl7Engine.Patient> directory(int n) {
    Map<String, Hl7Engine.Patient> known = new HashMap<>();
    Hl7Engine.Patient latest = null;
    for (int i = 0; i < n; i++) {
      Optional<Hl7Engine.Patient> p = patient(i);
      if (p.isPresent()) {
        known.put(p.get().mrn(), p.get());
        known.put(p.get().nik(), p.get());
        latest = p.get();
      }
    }
    if (latest == null) {
      // Every traveller among the first few is a foreigner: take the first citizen after them.
      for (int i = n; latest == null; i++) {
        latest = patient(i).orElse(null);
      }
    }
    Hl7Engine.Patient fallback = latest;
    return id -> known.getOrDefault(id, fallback);
  }

  /**
   * Synthetic traveller {@code i} as HL7 PID fields (e-HAC id as medical record number), if the
   * traveller holds a NIK.
   */
  public static Optional<Hl7Engine.Patient> patient(int i) {
    Map<String, Object> t = EhacData.traveller(i);
    if (!t.containsKey("nik")) {
      return Optional.empty();
    }
    String[] name = ((String) t.get("nama")).split(" ", 2);
    String alamat = (String) t.get("alamat");
    int comma = alamat.lastIndexOf(", ");
    String street = comma < 0 ? alamat : alamat.substring(0, comma);
    String city = comma < 0 ? "" : alamat.substring(comma + 2);
    return Optional.of(
        new Hl7Engine.Patient(
            (String) t.get("nik"),
            (String) t.get("id_ehac"),
            name.length > 1 ? name[1] : name[0],
            name[0],
            ((String) t.get("tgl_lahir")).replace("-", ""),
            "P".equals(t.get("jenis_kelamin")) ? "F" : "M",
            street + "^^" + city + "^^^ID",
            (String) t.get("no_hp")));
  }

  @Override
  public List<String> describe() {
    return List.of(
        "legacy   hl7      " + legacy.url() + "  (MLLP in clear, answers anyone)",
        "hardened hl7      " + hardened.url() + "  (MLLP over TLS, lab-CA client certificate)");
  }

  @Override
  public void close() throws Exception {
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
