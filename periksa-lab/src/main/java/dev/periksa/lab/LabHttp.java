package dev.periksa.lab;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/** The JDK HTTP server as the lab's own servers use it: plain, or HTTPS with TLS 1.2 and 1.3. */
final class LabHttp {
  private LabHttp() {}

  /** An unstarted server on host (port chosen at bind time): HTTPS when tls is given. */
  static HttpServer create(String host, SSLContext tls) throws IOException {
    if (tls == null) {
      return HttpServer.create(new InetSocketAddress(host, 0), 64);
    }
    HttpsServer s = HttpsServer.create(new InetSocketAddress(host, 0), 64);
    s.setHttpsConfigurator(
        new HttpsConfigurator(tls) {
          @Override
          public void configure(HttpsParameters params) {
            SSLParameters p = tls.getDefaultSSLParameters();
            p.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
            params.setSSLParameters(p);
          }
        });
    return s;
  }

  /** A pool of daemon threads, so a lab server never keeps the JVM alive. */
  static ExecutorService daemonPool(int threads, String name) {
    return Executors.newFixedThreadPool(
        threads,
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
  }

  /** Sends a status and a body (none when empty). */
  static void send(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
