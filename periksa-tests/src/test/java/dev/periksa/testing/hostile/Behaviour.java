package dev.periksa.testing.hostile;

import java.util.Set;

/**
 * The classes of hostile behaviour the hostile lab serves, each on a port of its own. Every one is
 * something a real server (broken, overloaded, hostile or a honeypot) does; none is polite.
 */
public enum Behaviour {
  /** The status line and headers arrive one byte at a time, each gap shorter than any timeout. */
  TRICKLE("slow trickle", false, true),
  /** Headers and 46 bytes of the body, then silence (the connection stays open). */
  STALL_AFTER_HEADERS("headers and 46 bytes, then silence", false, true),
  /** A chunked body that never ends. */
  ENDLESS_BODY("endless body", false, false),
  /** {@code Content-Encoding: gzip} over gigabytes of zeros. */
  GZIP_BOMB("gzip bomb", false, false),
  /** {@code Content-Length} of 9 GB, 120 bytes sent, then the connection is closed. */
  HUGE_CONTENT_LENGTH("huge Content-Length, short body", false, false),
  /** Every path redirects to another path that redirects back. */
  REDIRECT_LOOP("redirect loop", false, false),
  /** Every path redirects to a TEST-NET address (192.0.2.1), outside any scope. */
  REDIRECT_OUT_OF_SCOPE("redirect out of scope", false, false),
  /** The request is read, then the connection is reset (RST). */
  TCP_RESET("TCP reset", false, false),
  /** The connection is accepted and nothing is ever sent. */
  SILENCE("accept and silence", false, true),
  /** Random bytes in answer to a TLS ClientHello. */
  TLS_GARBAGE("TLS garbage", true, false),
  /** A real TLS handshake, then binary garbage instead of HTTP. */
  TLS_THEN_BINARY("TLS then binary", true, false),
  /** {@code application/json} that does not parse, shaped like an Elasticsearch banner. */
  MALFORMED_JSON("malformed JSON on every path", false, false),
  /** 100,000 nested arrays. */
  DEEP_JSON("100,000-deep JSON", false, false),
  /** Every path answers 200 with the same Elasticsearch-like banner. */
  CATCH_ALL_BANNER("catch-all with a product banner", false, false),
  /** Every path answers 401 with a product-like challenge. */
  UNAUTHORIZED_LOOKALIKE("401 look-alike", false, false),
  /** Every path answers 403 with an S3-like AccessDenied. */
  FORBIDDEN_LOOKALIKE("403 look-alike", false, false),
  /** Every path answers a JSON list of patients (names, addresses, NIKs) of about 1.5 MB. */
  PERSONAL_DATA_LIST("personal-data JSON list over the cap", false, false),
  /** Every path answers a FHIR searchset Bundle of about 1.5 MB with names in references. */
  FHIR_BUNDLE_LIST("FHIR Bundle over the cap", false, false),
  /** DICOM: a well-formed A-ASSOCIATE-AC accepting everything, then random bytes. */
  DICOM_GARBAGE_AFTER_ACCEPT("garbage after A-ASSOCIATE-AC", false, false),
  /**
   * DICOM: accepts, answers C-ECHO, then streams C-FIND pending responses (patients' names and
   * NIKs) that never end, ignoring C-CANCEL.
   */
  DICOM_ENDLESS_PENDING("endless C-FIND pending responses", false, false),
  /** DICOM: an A-ASSOCIATE-AC whose items announce more bytes than the PDU holds. */
  DICOM_MALFORMED_PDU("malformed A-ASSOCIATE-AC", false, false),
  /** HL7 v2: an MLLP start block and a whole answer with a patient in it, then silence. */
  MLLP_NO_END_BLOCK("MLLP reply without its end block", false, true),
  /** HL7 v2: an MLLP start block, then patient segments that never end. */
  MLLP_ENDLESS_FRAME("endless MLLP frame", false, false),
  /** HL7 v2: a well-formed MLLP frame around random bytes. */
  MLLP_GARBAGE_FRAME("MLLP frame of garbage", false, false);

  private final String title;
  private final boolean tls;
  private final boolean stalls;

  Behaviour(String title, boolean tls, boolean stalls) {
    this.title = title;
    this.tls = tls;
    this.stalls = stalls;
  }

  public String title() {
    return title;
  }

  /** Served on an {@code https://} URL (the TLS layer itself is what misbehaves). */
  public boolean tls() {
    return tls;
  }

  /** Holds the connection open without finishing the reply. */
  public boolean stalls() {
    return stalls;
  }

  /** Behaviours whose replies carry personal data: a FAIL on them can be justified. */
  public static final Set<Behaviour> PERSONAL_DATA = Set.of(PERSONAL_DATA_LIST, FHIR_BUNDLE_LIST);

  /** Look-alikes: replies shaped like a product that is not there, or like its refusal. */
  public static final Set<Behaviour> LOOK_ALIKES =
      Set.of(CATCH_ALL_BANNER, UNAUTHORIZED_LOOKALIKE, FORBIDDEN_LOOKALIKE, MALFORMED_JSON);
}
