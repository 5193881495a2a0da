package dev.periksa.lab;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;

/**
 * A health-data aggregator's FHIR API, as a patient app talks to it: HTTPS, and a bearer token per
 * patient account. Both twins refuse anyone without a valid token. The legacy twin stops there: a
 * valid token reads every Patient by id (broken object-level authorization, BOLA); the hardened
 * twin lets each token read only its own Patient and that Patient's Observations, and answers 403
 * to the rest, from the identity the token belongs to (never from an id the client sends).
 */
public final class FhirAggregatorLab implements LabService {
  public static final String LEGACY_URL = "PERIKSA_LAB_LEGACY_AGGREGATOR";
  public static final String HARDENED_URL = "PERIKSA_LAB_HARDENED_AGGREGATOR";

  /** Patient accounts: the variable that holds each one's token, and the Patient it owns. */
  static final Map<String, String> ACCOUNTS =
      Map.of(
          "PERIKSA_LAB_AGGREGATOR_TOKEN_A", "101",
          "PERIKSA_LAB_AGGREGATOR_TOKEN_B", "201");

  private static final int PATIENTS = 300;

  private FhirServer legacy;
  private FhirServer hardened;

  @Override
  public String name() {
    return "FHIR aggregator API (HAPI FHIR, a bearer token per patient account)";
  }

  @Override
  public Map<String, String> start(LabContext ctx) throws Exception {
    int n = Math.min(PATIENTS, Math.max(ctx.records(), 210));
    List<Patient> patients = IntStream.range(0, n).mapToObj(FhirRecords::patient).toList();
    List<Observation> tests = IntStream.range(0, n).mapToObj(FhirRecords::covidTest).toList();
    Map<String, String> v = new LinkedHashMap<>();
    Map<String, String> owners = new LinkedHashMap<>();
    for (Map.Entry<String, String> a : ACCOUNTS.entrySet()) {
      String token = ctx.secret("aggregator-" + a.getValue());
      owners.put(token, a.getValue());
      v.put(a.getKey(), token);
    }
    legacy =
        new FhirServer(
            ctx.legacyHost(),
            0,
            ctx.serverTls("aggregator.legacy.lab", ctx.legacyHost()),
            new PatientTokenGate(owners, false),
            "Health-data aggregator, legacy twin (synthetic data)",
            patients,
            tests);
    hardened =
        new FhirServer(
            ctx.hardenedHost(),
            0,
            ctx.serverTls("aggregator.hardened.lab", ctx.hardenedHost()),
            new PatientTokenGate(owners, true),
            "Health-data aggregator, hardened twin (synthetic data)",
            patients,
            tests);
    ctx.progress(String.format("  %d Patients, %d patient accounts on each server", n, 2));
    v.put(LEGACY_URL, legacy.base().toString());
    v.put(HARDENED_URL, hardened.base().toString());
    return v;
  }

  @Override
  public List<String> describe() {
    return List.of(
        "legacy   fhir     " + legacy.base() + "  (a patient's token reads every Patient: BOLA)",
        "hardened fhir     "
            + hardened.base()
            + "  (a patient's token reads its own records only)");
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

  /**
   * A bearer token per patient account; with {@code ownRecordsOnly}, the token's Patient is the
   * only one it reads (the Patient itself and Observations whose subject it is).
   */
  @Interceptor
  public static final class PatientTokenGate {
    private final Map<String, String> owners;
    private final boolean ownRecordsOnly;

    PatientTokenGate(Map<String, String> owners, boolean ownRecordsOnly) {
      this.owners = Map.copyOf(owners);
      this.ownRecordsOnly = ownRecordsOnly;
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
    public void check(RequestDetails request, RestOperationTypeEnum operation) {
      if (operation == RestOperationTypeEnum.METADATA) {
        return;
      }
      String owner = ownerOf(request.getHeader("Authorization"));
      if (owner == null) {
        throw FhirServer.BearerTokenGate.refusal();
      }
      if (!ownRecordsOnly || allowed(request, operation, owner)) {
        return;
      }
      ForbiddenOperationException refused =
          new ForbiddenOperationException("This account may read its own records only");
      OperationOutcome outcome = new OperationOutcome();
      outcome
          .addIssue()
          .setSeverity(OperationOutcome.IssueSeverity.ERROR)
          .setCode(OperationOutcome.IssueType.FORBIDDEN)
          .setDiagnostics("This account may read its own records only");
      refused.setOperationOutcome(outcome);
      throw refused;
    }

    private String ownerOf(String auth) {
      if (auth == null || !auth.startsWith("Bearer ")) {
        return null;
      }
      byte[] given = auth.substring(7).getBytes(StandardCharsets.UTF_8);
      String found = null;
      for (Map.Entry<String, String> e : owners.entrySet()) {
        // Every token compared in constant time, so the reply time tells nothing.
        if (MessageDigest.isEqual(given, e.getKey().getBytes(StandardCharsets.UTF_8))) {
          found = e.getValue();
        }
      }
      return found;
    }

    private static boolean allowed(
        RequestDetails request, RestOperationTypeEnum operation, String owner) {
      String type = request.getResourceName();
      if (operation == RestOperationTypeEnum.READ || operation == RestOperationTypeEnum.VREAD) {
        return "Patient".equals(type)
            && request.getId() != null
            && owner.equals(request.getId().getIdPart());
      }
      if (operation == RestOperationTypeEnum.SEARCH_TYPE && "Observation".equals(type)) {
        String[] subject = request.getParameters().get("subject");
        return subject != null
            && subject.length == 1
            && (subject[0].equals(owner) || subject[0].equals("Patient/" + owner));
      }
      return false;
    }
  }
}
