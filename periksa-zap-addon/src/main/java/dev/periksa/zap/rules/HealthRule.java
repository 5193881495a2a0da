package dev.periksa.zap.rules;

import java.util.List;

/**
 * What one of Periksa's ZAP scan rules is and reports: its stable id, name, highest risk, usual
 * confidence, CWE and WASC ids, description, solution and reference. Plain data with no ZAP type,
 * so the DAST side can name the rules without ZAP on its class path; the rule classes (which need
 * ZAP) read their metadata from here.
 *
 * @param id the rule's (plugin's) id, in Periksa's block 120100-120199
 * @param name short title, as ZAP lists it
 * @param risk the highest risk its alerts carry: one of {@link #RISK_INFO}..{@link #RISK_HIGH}
 * @param confidence the confidence its alerts usually carry: {@link #CONFIDENCE_LOW}..{@link
 *     #CONFIDENCE_HIGH}
 * @param cweId CWE id
 * @param wascId WASC threat classification id
 * @param description what the alert means
 * @param solution what to do about it
 * @param reference where to read more (one URL a line)
 * @param ruleClass the fully qualified name of the ZAP scan rule class
 */
public record HealthRule(
    int id,
    String name,
    int risk,
    int confidence,
    int cweId,
    int wascId,
    String description,
    String solution,
    String reference,
    String ruleClass) {

  // The values of ZAP's Alert.RISK_* and Alert.CONFIDENCE_* constants (a test holds them equal).
  public static final int RISK_INFO = 0;
  public static final int RISK_LOW = 1;
  public static final int RISK_MEDIUM = 2;
  public static final int RISK_HIGH = 3;
  public static final int CONFIDENCE_LOW = 1;
  public static final int CONFIDENCE_MEDIUM = 2;
  public static final int CONFIDENCE_HIGH = 3;

  /** First and last id of Periksa's block, which none of ZAP's own rule packs use. */
  public static final int FIRST_ID = 120100;

  public static final int LAST_ID = 120199;

  private static final String PACKAGE = "dev.periksa.zap.rules.";

  /** 120100: personal data in a response. */
  public static final HealthRule PERSONAL_DATA_IN_RESPONSE =
      new HealthRule(
          120100,
          "Personal Data in Response (Periksa)",
          RISK_HIGH,
          CONFIDENCE_MEDIUM,
          359,
          13,
          "The response carries personal data: Indonesian national identity numbers (NIK),"
              + " passport, BPJS Kesehatan or medical record numbers, test results or diagnoses,"
              + " payment card or bank account numbers (High risk), or names, phone numbers,"
              + " emails, addresses and birth dates (Medium risk). Whoever can send this request"
              + " reads them. Values in this alert are masked.",
          "Serve personal data only to the authenticated person it belongs to (or staff who need"
              + " it), and only the fields the screen needs: mask identity numbers, leave out"
              + " health details. Check authorization on every record, not only on the login.",
          "https://cwe.mitre.org/data/definitions/359.html\n"
              + "https://owasp.org/Top10/A01_2021-Broken_Access_Control/\n"
              + "https://peraturan.bpk.go.id/Details/229798/uu-no-27-tahun-2022",
          PACKAGE + "PersonalDataInResponseScanRule");

  /** 120101: a search cluster, object store or Solr node that answers anyone. */
  public static final HealthRule OPEN_DATA_STORE =
      new HealthRule(
          120101,
          "Data Store Answers Without Credentials (Periksa)",
          RISK_HIGH,
          CONFIDENCE_HIGH,
          306,
          1,
          "A data store answers requests without credentials: an Elasticsearch or OpenSearch"
              + " cluster (its banner and its index listing), an S3"
              + " object store listing its buckets or a bucket's objects, or an Apache Solr node"
              + " listing its cores. The 2021 e-HAC leak of 1.3 million travellers' health data"
              + " was such a cluster.",
          "Require authentication on the store (Elasticsearch/OpenSearch security, S3 bucket"
              + " policies that deny anonymous principals, Solr's authentication plugin), bind it"
              + " to an internal interface only, and put it behind a firewall; rotate and audit"
              + " what was exposed.",
          "https://cwe.mitre.org/data/definitions/306.html\n"
              + "https://www.elastic.co/guide/en/elasticsearch/reference/current/secure-cluster.html\n"
              + "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html",
          PACKAGE + "OpenDataStoreScanRule");

  /** 120102: identity numbers, personal data or tokens in URLs. */
  public static final HealthRule PERSONAL_DATA_IN_URL =
      new HealthRule(
          120102,
          "Identity Number or Token in URL (Periksa)",
          RISK_HIGH,
          CONFIDENCE_HIGH,
          598,
          13,
          "A URL carries an identity number (NIK, passport, BPJS), other personal data, or a"
              + " bearer token (JWT, session id) in its query string: the request's own URL, a"
              + " redirect (Location), or a link the response hands out. URLs end up in access"
              + " logs, proxy logs, browser history and Referer headers, where nobody protects"
              + " them. Values in this alert are masked.",
          "Take identity numbers and other personal data only in request bodies (POST) or"
              + " headers, give links and QR codes an opaque reference instead of the person's"
              + " number, and send tokens in the Authorization header or a Secure, HttpOnly"
              + " cookie, never in a URL.",
          "https://cwe.mitre.org/data/definitions/598.html\n"
              + "https://owasp.org/www-community/vulnerabilities/Information_exposure_through_query_strings_in_url",
          PACKAGE + "PersonalDataInUrlScanRule");

  /** 120103: personal data served over plain HTTP. */
  public static final HealthRule PLAIN_HTTP_PERSONAL_DATA =
      new HealthRule(
          120103,
          "Personal Data over Plain HTTP (Periksa)",
          RISK_HIGH,
          CONFIDENCE_HIGH,
          319,
          4,
          "A response sent over plain HTTP (no TLS) carries personal data: anyone on the"
              + " network path (shared Wi-Fi, an ISP, a compromised router) reads or alters it."
              + " Identity numbers, health and financial data make it High risk; other personal"
              + " data Medium. Values in this alert are masked.",
          "Serve every endpoint that carries personal data only over HTTPS (TLS 1.2 or 1.3):"
              + " close or redirect its plain-HTTP port, internal services included, and send"
              + " Strict-Transport-Security.",
          "https://cwe.mitre.org/data/definitions/319.html\n"
              + "https://cheatsheetseries.owasp.org/cheatsheets/Transport_Layer_Security_Cheat_Sheet.html",
          PACKAGE + "PlainHttpPersonalDataScanRule");

  /** Every rule of the add-on, in id order. */
  public static final List<HealthRule> ALL =
      List.of(
          PERSONAL_DATA_IN_RESPONSE,
          OPEN_DATA_STORE,
          PERSONAL_DATA_IN_URL,
          PLAIN_HTTP_PERSONAL_DATA);

  /** ZAP's word for a risk level. */
  public static String riskName(int risk) {
    return switch (risk) {
      case RISK_INFO -> "Informational";
      case RISK_LOW -> "Low";
      case RISK_MEDIUM -> "Medium";
      case RISK_HIGH -> "High";
      default -> throw new IllegalArgumentException("no such risk: " + risk);
    };
  }

  /** ZAP's word for a confidence level. */
  public static String confidenceName(int confidence) {
    return switch (confidence) {
      case CONFIDENCE_LOW -> "Low";
      case CONFIDENCE_MEDIUM -> "Medium";
      case CONFIDENCE_HIGH -> "High";
      default -> throw new IllegalArgumentException("no such confidence: " + confidence);
    };
  }

  /** The rule with this id, if it is one of Periksa's. */
  public static java.util.Optional<HealthRule> byId(int id) {
    return ALL.stream().filter(r -> r.id() == id).findFirst();
  }
}
