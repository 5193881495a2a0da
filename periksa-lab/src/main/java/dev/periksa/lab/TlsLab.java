package dev.periksa.lab;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The e-HAC portal's TLS front, a real nginx (Debian's package, OpenSSL 3) per twin.
 *
 * <p>Legacy twin: the portal as it was left, HTTPS with TLS 1.0, 1.1 and 1.2 and every suite
 * OpenSSL still has at security level 0 (NULL, anonymous, CAMELLIA, ARIA, static RSA, CBC...), a
 * certificate that is self-signed, expired, issued to {@code ehac.kemkes.go.id} rather than the
 * twin's address, with a 1024-bit RSA key and a SHA-1 signature; the same front page over plain
 * HTTP, with no redirect and no HSTS.
 *
 * <p>Hardened twin: TLS 1.2 and 1.3 only, ECDHE with AES-GCM or ChaCha20-Poly1305 (Mozilla's
 * "intermediate" suites), a lab-CA certificate naming the twin's address, {@code
 * Strict-Transport-Security} for two years on every reply, and a plain HTTP port that answers
 * everything with a 301 to the same path on HTTPS.
 *
 * <p>Both answer only their front page (404 elsewhere, from nginx's {@code return}), with no
 * personal data: what they prove is how they speak TLS and HTTP.
 */
final class TlsLab implements LabService {
  static final String LEGACY_TLS = "PERIKSA_LAB_LEGACY_TLS";
  static final String LEGACY_TLS_PLAIN = "PERIKSA_LAB_LEGACY_TLS_PLAIN";
  static final String HARDENED_TLS = "PERIKSA_LAB_HARDENED_TLS";
  static final String HARDENED_TLS_PLAIN = "PERIKSA_LAB_HARDENED_TLS_PLAIN";

  /** The name on the legacy certificate: the production portal's, not the twin's address. */
  static final String LEGACY_CERTIFICATE_NAME = "ehac.kemkes.go.id";

  /** Mozilla "intermediate" TLS 1.2 suites (OpenSSL names); TLS 1.3 keeps OpenSSL's defaults. */
  static final String STRONG_CIPHERS = NginxServer.STRONG_CIPHERS;

  private static final String PAGE =
      "<!doctype html><html lang=id><head><meta charset=utf-8><title>e-HAC: Electronic Health"
          + " Alert Card</title></head><body><h1>e-HAC</h1><p>Kartu Kewaspadaan Kesehatan"
          + " elektronik. Isi e-HAC sebelum keberangkatan.</p><p><a href=/login>Masuk</a></p>"
          + "</body></html>";

  private NginxServer legacy;
  private NginxServer hardened;

  @Override
  public String name() {
    return "TLS front of the e-HAC portal (nginx)";
  }

  @Override
  public Map<String, String> start(LabContext ctx) throws Exception {
    ServerProcess.require("nginx", "nginx");
    LabContext.PemFiles old = ctx.legacyPem("portal-legacy", LEGACY_CERTIFICATE_NAME);
    String legacyHost = ctx.legacyHost();
    legacy =
        NginxServer.start(
            ctx.dir().resolve("nginx-legacy"),
            legacyHost,
            (https, plain) ->
                String.join(
                    "\n",
                    "  server {",
                    "    listen " + legacyHost + ":" + https + " ssl;",
                    "    ssl_certificate " + old.certificate() + ";",
                    "    ssl_certificate_key " + old.key() + ";",
                    "    ssl_protocols TLSv1 TLSv1.1 TLSv1.2;",
                    // Security level 0 is what lets OpenSSL 3 speak TLS 1.0 and these suites.
                    "    ssl_ciphers \"ALL:COMPLEMENTOFALL:@SECLEVEL=0\";",
                    "    ssl_prefer_server_ciphers off;",
                    pages(),
                    "  }",
                    "  server {",
                    "    listen " + legacyHost + ":" + plain + ";",
                    pages(),
                    "  }"));

    LabContext.PemFiles good =
        ctx.serverPem("portal-hardened", "portal.hardened.ehac.lab", ctx.hardenedHost());
    String hardenedHost = ctx.hardenedHost();
    hardened =
        NginxServer.start(
            ctx.dir().resolve("nginx-hardened"),
            hardenedHost,
            (https, plain) ->
                String.join(
                    "\n",
                    "  server_tokens off;",
                    "  server {",
                    "    listen " + hardenedHost + ":" + https + " ssl;",
                    "    ssl_certificate " + good.certificate() + ";",
                    "    ssl_certificate_key " + good.key() + ";",
                    "    ssl_protocols TLSv1.2 TLSv1.3;",
                    "    ssl_ciphers " + STRONG_CIPHERS + ";",
                    "    ssl_prefer_server_ciphers off;",
                    "    add_header Strict-Transport-Security"
                        + " \"max-age=63072000; includeSubDomains\" always;",
                    pages(),
                    "  }",
                    "  server {",
                    "    listen " + hardenedHost + ":" + plain + ";",
                    "    location / { return 301 https://"
                        + hardenedHost
                        + ":"
                        + https
                        + "$request_uri; }",
                    "  }"));

    Map<String, String> v = new LinkedHashMap<>();
    v.put(LEGACY_TLS, legacy.httpsUrl().toString());
    v.put(LEGACY_TLS_PLAIN, legacy.plainUrl().toString());
    v.put(HARDENED_TLS, hardened.httpsUrl().toString());
    v.put(HARDENED_TLS_PLAIN, hardened.plainUrl().toString());
    return v;
  }

  private static String pages() {
    return "    location = / { return 200 '" + PAGE + "'; }\n    location / { return 404; }";
  }

  @Override
  public List<String> describe() {
    URI lh = legacy.httpsUrl();
    URI hh = hardened.httpsUrl();
    return List.of(
        "legacy   tls      "
            + lh
            + "  (nginx: TLS 1.0-1.2, NULL/anonymous suites, self-signed expired certificate)",
        "legacy   tls      " + legacy.plainUrl() + "  (same page over plain HTTP, no redirect)",
        "hardened tls      " + hh + "  (nginx: TLS 1.2/1.3, AEAD suites, lab CA, HSTS)",
        "hardened tls      " + hardened.plainUrl() + "  (301 to HTTPS)");
  }

  @Override
  public void close() {
    try {
      if (legacy != null) {
        legacy.close();
      }
    } finally {
      if (hardened != null) {
        hardened.close();
      }
    }
  }
}
