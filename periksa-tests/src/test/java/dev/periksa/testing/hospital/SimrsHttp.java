package dev.periksa.testing.hospital;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The hospital's in-house web servers: the JDK's HTTP(S) server on a given port, answering with a
 * function of the request, with byte ranges for files as any web server serves them. HTTPS speaks
 * TLS 1.2 and 1.3 with forward-secret AEAD suites only (Mozilla "intermediate").
 */
final class SimrsHttp {
  /** TLS 1.3 suites and Mozilla's intermediate TLS 1.2 suites for an EC certificate. */
  static final String[] STRONG_SUITES = {
    "TLS_AES_128_GCM_SHA256",
    "TLS_AES_256_GCM_SHA384",
    "TLS_CHACHA20_POLY1305_SHA256",
    "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
    "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
    "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"
  };

  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

  private SimrsHttp() {}

  /** A reply; {@code file} replies honour {@code Range}. */
  record Reply(int status, Map<String, String> headers, byte[] body, boolean file) {
    static Reply of(int status, String contentType, String body) {
      Map<String, String> h = new LinkedHashMap<>();
      h.put("Content-Type", contentType);
      return new Reply(status, h, body.getBytes(StandardCharsets.UTF_8), false);
    }

    static Reply file(String contentType, String body) {
      Map<String, String> h = new LinkedHashMap<>();
      h.put("Content-Type", contentType);
      return new Reply(200, h, body.getBytes(StandardCharsets.UTF_8), true);
    }

    static Reply redirect(int status, String location) {
      Map<String, String> h = new LinkedHashMap<>();
      h.put("Location", location);
      h.put("Content-Type", "text/html; charset=utf-8");
      return new Reply(
          status,
          h,
          ("<html><body>Moved: <a href=\"" + location + "\">" + location + "</a></body></html>")
              .getBytes(StandardCharsets.UTF_8),
          false);
    }

    Reply with(String header, String value) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.put(header, value);
      return new Reply(status, h, body, file);
    }
  }

  /** What a site answers. */
  @FunctionalInterface
  interface Site {
    Reply answer(HttpExchange request) throws IOException;
  }

  static HttpServer plain(String host, int port, Site site) throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress(host, port), 32);
    serve(s, site);
    return s;
  }

  static HttpsServer https(String host, int port, SSLContext tls, Site site) throws IOException {
    HttpsServer s = HttpsServer.create(new InetSocketAddress(host, port), 32);
    s.setHttpsConfigurator(
        new HttpsConfigurator(tls) {
          @Override
          public void configure(HttpsParameters params) {
            SSLParameters p = tls.getDefaultSSLParameters();
            p.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
            p.setCipherSuites(STRONG_SUITES);
            p.setUseCipherSuitesOrder(true);
            params.setSSLParameters(p);
          }
        });
    serve(s, site);
    return s;
  }

  private static void serve(HttpServer s, Site site) {
    ExecutorService pool = Executors.newFixedThreadPool(4, SimrsHttp::daemon);
    s.setExecutor(pool);
    s.createContext(
        "/",
        ex -> {
          try (ex) {
            ex.getRequestBody().readAllBytes();
            Reply r;
            try {
              r = site.answer(ex);
            } catch (RuntimeException e) {
              r = Reply.of(500, "text/plain; charset=utf-8", "Internal Server Error");
            }
            write(ex, r);
          }
        });
    s.start();
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "simrs-http");
    t.setDaemon(true);
    return t;
  }

  private static void write(HttpExchange ex, Reply r) throws IOException {
    int status = r.status();
    byte[] body = r.body();
    r.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    if (r.file()) {
      ex.getResponseHeaders().set("Accept-Ranges", "bytes");
      String range = ex.getRequestHeaders().getFirst("Range");
      Matcher m = range == null ? null : RANGE.matcher(range.trim());
      if (m != null && m.matches()) {
        int from = Integer.parseInt(m.group(1));
        int to = m.group(2).isEmpty() ? body.length - 1 : Integer.parseInt(m.group(2));
        to = Math.min(to, body.length - 1);
        if (from >= body.length || from > to) {
          ex.getResponseHeaders().set("Content-Range", "bytes */" + body.length);
          status = 416;
          body = new byte[0];
        } else {
          ex.getResponseHeaders()
              .set("Content-Range", "bytes " + from + "-" + to + "/" + body.length);
          status = 206;
          body = Arrays.copyOfRange(body, from, to + 1);
        }
      }
    }
    boolean head = "HEAD".equalsIgnoreCase(ex.getRequestMethod());
    if (head || body.length == 0) {
      if (head) {
        ex.getResponseHeaders().set("Content-Length", String.valueOf(body.length));
      }
      ex.sendResponseHeaders(status, -1);
      return;
    }
    ex.sendResponseHeaders(status, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  /** Whether the request's Accept header names JSON. */
  static boolean acceptsJson(HttpExchange ex) {
    String a = ex.getRequestHeaders().getFirst("Accept");
    return a != null && a.toLowerCase(java.util.Locale.ROOT).contains("application/json");
  }
}
