package dev.periksa.lab;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLogWriter;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The e-HAC web portal's file server, a real Jetty 12.1: on the legacy address over plain HTTP with
 * directory listings on, serving a document root with exports, a {@code .env}, a {@code .git}
 * folder and backups; on the hardened address over HTTPS (TLS 1.2/1.3) with listings off, serving
 * only the public pages (and a current {@code /.well-known/security.txt}) and answering 404 for any
 * other dot-path or backup name, should one ever be deployed. The legacy root keeps a security.txt
 * that expired in 2021. The legacy server keeps an access log (request, status, body bytes sent,
 * Range header) so tests can prove from the server's side how little a check read.
 */
final class WebFilesLab implements LabService {

  /** Variables the lab's target profiles use. */
  static final String LEGACY_WEB = "PERIKSA_LAB_LEGACY_WEB";

  static final String HARDENED_WEB = "PERIKSA_LAB_HARDENED_WEB";

  /** The legacy file server's access log (not a secret: tests read it). */
  static final String LEGACY_WEB_ACCESS_LOG = "PERIKSA_LAB_LEGACY_WEB_ACCESS_LOG";

  /** Names the hardened server refuses even if a deployment leaves them in its document root. */
  private static final Set<String> BACKUP_SUFFIXES =
      Set.of(".sql", ".zip", ".bak", ".tar", ".gz", ".tgz", ".7z", ".dump", ".old", ".swp", "~");

  private Server legacy;
  private Server hardened;
  private URI legacyUrl;
  private URI hardenedUrl;

  @Override
  public String name() {
    return "Web file server (Jetty 12.1.14)";
  }

  @Override
  public Map<String, String> start(LabContext ctx) throws Exception {
    Path legacyRoot = ctx.dir().resolve("web-legacy");
    Path hardenedRoot = ctx.dir().resolve("web-hardened");
    WebSiteContent.writeLegacy(legacyRoot, ctx);
    WebSiteContent.writeHardened(hardenedRoot);
    Path accessLog = ctx.dir().resolve("web-legacy-access.log");

    legacy = new Server(pool("web-legacy"));
    ServerConnector plain = new ServerConnector(legacy);
    plain.setHost(ctx.legacyHost());
    plain.setPort(0);
    legacy.addConnector(plain);
    legacy.setHandler(files(legacy, legacyRoot, true));
    legacy.setRequestLog(
        new CustomRequestLog(new RequestLogWriter(accessLog.toString()), "%r %s %O \"%{Range}i\""));
    legacy.start();

    hardened = new Server(pool("web-hardened"));
    SslContextFactory.Server tls = new SslContextFactory.Server();
    tls.setSslContext(ctx.serverTls("hardened.ehac.lab", ctx.hardenedHost()));
    tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
    HttpConfiguration https = new HttpConfiguration();
    SecureRequestCustomizer secure = new SecureRequestCustomizer();
    // Clients reach the lab by IP address, which carries no SNI name to compare with the host.
    secure.setSniHostCheck(false);
    secure.setStsMaxAge(31_536_000);
    secure.setStsIncludeSubDomains(true);
    https.addCustomizer(secure);
    ServerConnector encrypted =
        new ServerConnector(
            hardened, new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(https));
    encrypted.setHost(ctx.hardenedHost());
    encrypted.setPort(0);
    hardened.addConnector(encrypted);
    hardened.setHandler(new RefuseHiddenAndBackups(files(hardened, hardenedRoot, false)));
    hardened.start();

    legacyUrl = URI.create("http://" + ctx.legacyHost() + ":" + plain.getLocalPort());
    hardenedUrl = URI.create("https://" + ctx.hardenedHost() + ":" + encrypted.getLocalPort());
    Map<String, String> v = new LinkedHashMap<>();
    v.put(LEGACY_WEB, legacyUrl.toString());
    v.put(HARDENED_WEB, hardenedUrl.toString());
    v.put(LEGACY_WEB_ACCESS_LOG, accessLog.toString());
    return v;
  }

  private static QueuedThreadPool pool(String name) {
    QueuedThreadPool p = new QueuedThreadPool(8, 2);
    p.setName(name);
    p.setDaemon(true);
    return p;
  }

  private static ResourceHandler files(Server server, Path root, boolean listings) {
    ResourceHandler h = new ResourceHandler();
    h.setBaseResource(ResourceFactory.of(server).newResource(root));
    h.setDirAllowed(listings);
    h.setWelcomeFiles(List.of("index.html"));
    h.setAcceptRanges(true);
    return h;
  }

  /** 404 for any path segment that starts with a dot and for backup-like names. */
  private static final class RefuseHiddenAndBackups extends Handler.Wrapper {
    RefuseHiddenAndBackups(Handler next) {
      super(next);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      String path = Request.getPathInContext(request).toLowerCase(Locale.ROOT);
      // RFC 8615's /.well-known/ (security.txt) is public by design; other dot-paths are not.
      boolean hidden = path.contains("/.") && !path.startsWith("/.well-known/");
      boolean backup = BACKUP_SUFFIXES.stream().anyMatch(path::endsWith);
      if (hidden || backup) {
        Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
        return true;
      }
      return super.handle(request, response, callback);
    }
  }

  @Override
  public List<String> describe() {
    return List.of(
        "legacy   web      " + legacyUrl + "  (Jetty, directory listings, exports, .env, .git)",
        "hardened web      " + hardenedUrl + "  (Jetty over HTTPS, no listings, no hidden files)");
  }

  @Override
  public void close() throws Exception {
    try {
      if (hardened != null) {
        hardened.stop();
      }
    } finally {
      if (legacy != null) {
        legacy.stop();
      }
    }
  }
}
