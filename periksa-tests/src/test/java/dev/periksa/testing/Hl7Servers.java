package dev.periksa.testing;

import dev.periksa.lab.Hl7Engine;
import dev.periksa.lab.Hl7Lab;
import javax.net.ssl.SSLContext;

/**
 * Real HL7 v2 integration engines for the tests: the lab's {@link Hl7Engine} (HAPI's own MLLP
 * server), bound to one loopback address on a port chosen at run time, answering every patient
 * query ({@code QRY^A19}) with one synthetic patient's demographics and any other message with an
 * ACK, to whoever connects; or, hardened, only through TLS that demands a client certificate.
 */
public final class Hl7Servers {
  /** The facility the tests' engines answer as. */
  public static final String FACILITY = "RSUD-SEHAT";

  private Hl7Servers() {}

  /** The first synthetic e-HAC traveller who holds a NIK, as PID fields. */
  public static Hl7Engine.Patient patient() {
    for (int i = 0; ; i++) {
      var p = Hl7Lab.patient(i);
      if (p.isPresent()) {
        return p.get();
      }
    }
  }

  /** An engine answering anyone, in clear. */
  public static Hl7Engine open(String host, Hl7Engine.Patient patient) throws Exception {
    return Hl7Engine.open(host, FACILITY, id -> patient);
  }

  /**
   * The same engine behind TLS that demands a client certificate: the plain listener is on {@code
   * internalHost}, outside the target's scope; the target's address speaks only mutual TLS.
   */
  public static Hl7Engine mutualTls(
      String host, String internalHost, Hl7Engine.Patient patient, SSLContext tls)
      throws Exception {
    return Hl7Engine.mutualTls(host, internalHost, tls, FACILITY, id -> patient);
  }
}
