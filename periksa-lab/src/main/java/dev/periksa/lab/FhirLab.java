package dev.periksa.lab;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;

/**
 * The e-HAC FHIR API: two real HAPI FHIR R4 servers holding the same synthetic travellers as
 * Patients and their SARS-CoV-2 tests as Observations. The legacy twin's answers anyone over plain
 * HTTP; the hardened twin's speaks HTTPS only and refuses every read without a bearer token (its
 * {@code /metadata} stays public, as FHIR expects).
 */
public final class FhirLab implements LabService {
  /** Variables the lab's target profiles use. */
  public static final String LEGACY_FHIR = "PERIKSA_LAB_LEGACY_FHIR";

  public static final String HARDENED_FHIR = "PERIKSA_LAB_HARDENED_FHIR";

  /** The hardened server's throwaway bearer token; never printed. */
  public static final String HARDENED_FHIR_TOKEN = "PERIKSA_LAB_HARDENED_FHIR_TOKEN";

  /** Travellers served as Patients (each with one Observation): a few hundred is enough. */
  static final int PATIENTS = 300;

  private FhirServer legacy;
  private FhirServer hardened;

  @Override
  public String name() {
    return "FHIR R4 API (HAPI FHIR 8.8.0 plain server on Jetty 12)";
  }

  @Override
  public Map<String, String> start(LabContext ctx) throws Exception {
    int n = Math.min(PATIENTS, ctx.records());
    List<Patient> patients = IntStream.range(0, n).mapToObj(FhirRecords::patient).toList();
    List<Observation> tests = IntStream.range(0, n).mapToObj(FhirRecords::covidTest).toList();
    legacy =
        new FhirServer(
            ctx.legacyHost(),
            null,
            null,
            "e-HAC FHIR API, legacy twin (synthetic data)",
            patients,
            tests);
    String token = ctx.secret("fhir-token");
    hardened =
        new FhirServer(
            ctx.hardenedHost(),
            ctx.serverTls("fhir.hardened.ehac.lab", ctx.hardenedHost()),
            token,
            "e-HAC FHIR API, hardened twin (synthetic data)",
            patients,
            tests);
    ctx.progress(String.format("  %d Patients and %d Observations on each server", n, n));
    Map<String, String> v = new LinkedHashMap<>();
    v.put(LEGACY_FHIR, legacy.base().toString());
    v.put(HARDENED_FHIR, hardened.base().toString());
    v.put(HARDENED_FHIR_TOKEN, token);
    return v;
  }

  @Override
  public List<String> describe() {
    return List.of(
        "legacy   fhir     " + legacy.base() + "  (FHIR R4, answers anyone)",
        "hardened fhir     " + hardened.base() + "  (HTTPS, bearer token; /metadata public)");
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
