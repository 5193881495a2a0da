package dev.periksa.probe;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * Finds which SSL/TLS versions and cipher suites a server accepts, and fetches its certificate
 * chains, the way sslyze and testssl.sh do: a hand-made ClientHello offering one version and a list
 * of suites by their IANA codes, and a parse of the server's answer (ServerHello, or an alert).
 * Suites are enumerated by removing the one the server chose and asking again, a bounded number of
 * times. Nothing is ever encrypted or sent after the hello.
 *
 * <p>Why raw hellos rather than JSSE with old protocols re-enabled: a modern JDK cannot offer most
 * of what must be found (NULL, EXPORT, RC4, DES, anonymous, CAMELLIA, ARIA suites are not
 * implemented at all), it refuses small keys and MD5/SHA-1 signatures while still handshaking, and
 * re-enabling SSLv3/TLS 1.0 needs security properties set before the JVM's first TLS use, which
 * would weaken every other TLS connection of the scan. A ClientHello is a few hundred bytes and a
 * ServerHello a fixed layout, so both are written here; suite names come from Bouncy Castle's copy
 * of the IANA registry ({@link CipherSuites}). Certificates of TLS 1.2 and older travel in clear
 * after the ServerHello and are read from the same exchange; for a server that speaks only TLS 1.3,
 * where the certificate is encrypted, JSSE fetches it with a trust-everything manager that exists
 * only for this read (nothing is sent over that connection).
 *
 * <p>Every connection goes through the target's {@link TcpProbe}: scope, per-host rate limit,
 * connect and read timeouts, and its byte cap.
 */
public final class TlsScanner {

  /** Suites enumerated per version at most, more than any server configured here accepts. */
  public static final int MAX_SUITES_PER_VERSION = 160;

  /** Records read from one server flight at most (a certificate chain is a few records). */
  static final int MAX_RECORDS = 64;

  private static final byte[] HELLO_RETRY_RANDOM =
      hex("CF21AD74E59A6111BE1D8C021E65B891C2A211167ABB8C5E079E09E2C8A8339C");

  private final TcpProbe tcp;
  private final SecureRandom random = new SecureRandom();

  public TlsScanner(TcpProbe tcp) {
    this.tcp = tcp;
  }

  /** What one ClientHello got back. */
  public sealed interface Reply {}

  /**
   * The server accepted the version offered and chose a suite from the list.
   *
   * @param helloRetry TLS 1.3: the server asked for another key share, which still accepts 1.3
   * @param chain certificates in the order sent (TLS 1.2 and older, when asked for), else empty
   */
  public record Accepted(
      TlsVersion version, CipherSuite suite, boolean helloRetry, List<X509Certificate> chain)
      implements Reply {}

  /** The server answered with an older version than the one offered: that one is not accepted. */
  public record Downgraded(TlsVersion offered, String answered) implements Reply {}

  /** An alert, or the connection closed or reset without a ServerHello. */
  public record Refused(String why) implements Reply {}

  /** The reply is not TLS at all (e.g. a plain HTTP server answering with a 400 page). */
  public record NotTls(String start) implements Reply {}

  /** TLS-shaped, but not a valid answer to what was offered: a recording, or a broken server. */
  public record Violation(String why) implements Reply {}

  /** Connected, but nothing came back within the timeout. */
  public record NoReply(String why) implements Reply {}

  /** Whether a version was accepted. */
  public enum Support {
    ACCEPTED,
    REFUSED,
    UNKNOWN
  }

  /**
   * What is known of one version on one server.
   *
   * @param suites the suites it accepted, in the order found
   * @param complete whether the enumeration ended with the server refusing what was left
   * @param note why a version is UNKNOWN or its enumeration incomplete, else empty
   */
  public record VersionResult(
      TlsVersion version,
      Support support,
      List<CipherSuite> suites,
      boolean complete,
      String note) {
    public VersionResult {
      suites = List.copyOf(suites);
    }
  }

  /**
   * A whole scan of one server.
   *
   * @param notTls why the port is not a TLS server (its plain-text answer, or its silence to two
   *     hellos), or empty when it spoke TLS
   * @param violations answers that no honest TLS server gives (a recording, a broken stack)
   * @param handshakes ClientHellos sent
   */
  public record Scan(
      String host,
      int port,
      Map<TlsVersion, VersionResult> versions,
      String notTls,
      List<String> violations,
      int handshakes,
      Duration elapsed) {
    public Scan {
      versions = java.util.Collections.unmodifiableMap(new EnumMap<>(versions));
      violations = List.copyOf(violations);
    }

    public List<TlsVersion> accepted() {
      return versions.values().stream()
          .filter(v -> v.support() == Support.ACCEPTED)
          .map(VersionResult::version)
          .toList();
    }

    public boolean speaksTls() {
      return notTls.isEmpty();
    }
  }

  /** Versions only: one hello per version, every suite of that version offered. */
  public Scan versions(String host, int port) {
    return run(host, port, false);
  }

  /** Versions, then every suite each accepted version takes (bounded). */
  public Scan scan(String host, int port) {
    return run(host, port, true);
  }

  private Scan run(String host, int port, boolean enumerate) {
    long t0 = System.nanoTime();
    int[] count = {0};
    Map<TlsVersion, VersionResult> out = new EnumMap<>(TlsVersion.class);
    List<String> violations = new ArrayList<>();
    String plain = null;
    int silent = 0;
    for (TlsVersion v : TlsVersion.values()) {
      boolean spoke = out.values().stream().anyMatch(x -> x.support() != Support.UNKNOWN);
      if (!spoke && violations.isEmpty() && (plain != null || silent >= 2)) {
        // Not a TLS server: a plain-text answer, or silence to two hellos, and nothing else.
        out.put(v, new VersionResult(v, Support.UNKNOWN, List.of(), false, "not asked"));
        continue;
      }
      List<CipherSuite> offered =
          v == TlsVersion.TLS_1_3 ? CipherSuites.tls13() : CipherSuites.legacy();
      count[0]++;
      Reply r = hello(host, port, v, offered, false);
      if (r instanceof Accepted a) {
        out.put(v, enumerate ? enumerate(host, port, a, offered, count, violations) : accepted(a));
      } else if (r instanceof Downgraded || r instanceof Refused) {
        out.put(v, new VersionResult(v, Support.REFUSED, List.of(), true, describe(r)));
      } else {
        if (r instanceof Violation x) {
          violations.add(v.label() + ": " + x.why());
        } else if (r instanceof NotTls n && plain == null) {
          plain = "it answered \"" + n.start() + "\"";
        } else if (r instanceof NoReply) {
          silent++;
        }
        out.put(v, new VersionResult(v, Support.UNKNOWN, List.of(), false, describe(r)));
      }
    }
    boolean spoke =
        out.values().stream().anyMatch(x -> x.support() != Support.UNKNOWN)
            || !violations.isEmpty();
    String notTls = "";
    if (!spoke && plain != null) {
      notTls = plain;
    } else if (!spoke && silent >= 2) {
      notTls = "no answer to a ClientHello within " + tcp.timeout().toMillis() / 1000.0 + " s";
    }
    return new Scan(
        host, port, out, notTls, violations, count[0], Duration.ofNanos(System.nanoTime() - t0));
  }

  private static VersionResult accepted(Accepted a) {
    return new VersionResult(a.version(), Support.ACCEPTED, List.of(a.suite()), false, "");
  }

  private VersionResult enumerate(
      String host,
      int port,
      Accepted first,
      List<CipherSuite> offered,
      int[] count,
      List<String> violations) {
    TlsVersion v = first.version();
    List<CipherSuite> found = new ArrayList<>(List.of(first.suite()));
    List<CipherSuite> left = new ArrayList<>(offered);
    left.remove(first.suite());
    while (!left.isEmpty()) {
      if (found.size() >= MAX_SUITES_PER_VERSION) {
        return new VersionResult(
            v, Support.ACCEPTED, found, false, "stopped after " + found.size() + " suites");
      }
      count[0]++;
      Reply r = hello(host, port, v, left, false);
      if (r instanceof Accepted a) {
        if (a.version() != v) {
          violations.add(v.label() + ": answered " + a.version().label() + " mid-enumeration");
          return new VersionResult(v, Support.ACCEPTED, found, false, "answers changed version");
        }
        found.add(a.suite());
        left.remove(a.suite());
      } else if (r instanceof Refused || r instanceof Downgraded) {
        return new VersionResult(v, Support.ACCEPTED, found, true, "");
      } else {
        if (r instanceof Violation x) {
          violations.add(v.label() + ": " + x.why());
        }
        return new VersionResult(v, Support.ACCEPTED, found, false, describe(r));
      }
    }
    return new VersionResult(v, Support.ACCEPTED, found, true, "");
  }

  /** One sentence for a reply that is not an acceptance. */
  public static String describe(Reply r) {
    if (r instanceof Refused x) {
      return "refused (" + x.why() + ")";
    }
    if (r instanceof Downgraded x) {
      return "answered with " + x.answered() + " instead";
    }
    if (r instanceof NotTls x) {
      return "not TLS (answered \"" + x.start() + "\")";
    }
    if (r instanceof Violation x) {
      return "invalid answer: " + x.why();
    }
    if (r instanceof NoReply x) {
      return x.why();
    }
    if (r instanceof Accepted a) {
      return "accepted " + a.version().label() + " with " + a.suite().name();
    }
    return String.valueOf(r);
  }

  /**
   * Certificate chains the server presents, one per kind of key it holds (ECDSA, RSA, DSA) for TLS
   * 1.2 and older, read from the clear handshake; for a TLS 1.3-only server, the one chain JSSE
   * receives. Chains are in the order sent, leaf first, and never repeated.
   *
   * @param versions a scan's versions, to pick the newest version the server accepts
   */
  public List<List<X509Certificate>> certificates(String host, int port, Scan versions) {
    List<List<X509Certificate>> chains = new ArrayList<>();
    Optional<TlsVersion> best =
        versions.accepted().stream().filter(v -> v != TlsVersion.TLS_1_3).reduce((a, b) -> b);
    if (best.isPresent()) {
      for (CipherSuite.Authentication auth :
          List.of(
              CipherSuite.Authentication.ECDSA,
              CipherSuite.Authentication.RSA,
              CipherSuite.Authentication.DSS)) {
        List<CipherSuite> suites =
            CipherSuites.legacy().stream().filter(s -> s.authentication() == auth).toList();
        Reply r = hello(host, port, best.get(), suites, true);
        if (r instanceof Accepted a && !a.chain().isEmpty() && !contains(chains, a.chain())) {
          chains.add(a.chain());
        }
      }
    }
    if (chains.isEmpty() && versions.accepted().contains(TlsVersion.TLS_1_3)) {
      List<X509Certificate> chain = jsseChain(host, port);
      if (!chain.isEmpty()) {
        chains.add(chain);
      }
    }
    return chains;
  }

  private static boolean contains(List<List<X509Certificate>> chains, List<X509Certificate> c) {
    return chains.stream().anyMatch(x -> x.get(0).equals(c.get(0)));
  }

  /**
   * Sends one ClientHello and reads the answer. A connection that cannot be made (refused, out of
   * scope, unreachable) raises ProbeException: there is no server to judge.
   *
   * @param certificates read on to the Certificate message (TLS 1.2 and older)
   */
  public Reply hello(
      String host, int port, TlsVersion version, List<CipherSuite> offered, boolean certificates) {
    byte[] hello = TlsHello.record(version, offered, host, random);
    try (TcpProbe.Session s = tcp.open(host, port)) {
      try {
        s.send(hello);
      } catch (ProbeException e) {
        return new Refused("connection closed before the hello was sent");
      }
      return read(s, version, offered, certificates);
    }
  }

  private Reply read(
      TcpProbe.Session s, TlsVersion version, List<CipherSuite> offered, boolean certificates) {
    ByteArrayOutputStream handshake = new ByteArrayOutputStream();
    Accepted hello = null;
    List<X509Certificate> chain = List.of();
    for (int records = 0; records < MAX_RECORDS; records++) {
      int type;
      byte[] header;
      byte[] body;
      try {
        type = s.read();
        if (type < 0) {
          return hello == null
              ? new Refused("closed the connection")
              : new Violation("closed the connection mid-flight");
        }
        if (type < 20 || type > 23) {
          return hello == null
              ? new NotTls(printable(type, s))
              : new Violation("a non-TLS record after the ServerHello");
        }
        header = s.readExactly(4);
        if (header[0] != 3) {
          return hello == null
              ? new NotTls(printable(type, header))
              : new Violation("record version " + header[0] + "." + header[1]);
        }
        int length = ((header[2] & 0xff) << 8) | (header[3] & 0xff);
        if (length == 0 || length > (1 << 14) + 2048) {
          return new Violation("record length " + length);
        }
        body = s.readExactly(length);
      } catch (ProbeException e) {
        if (timedOut(e)) {
          return hello == null
              ? new NoReply("no answer within " + tcp.timeout().toMillis() / 1000.0 + " s")
              : new Violation("the flight stopped after the ServerHello");
        }
        return hello == null
            ? new Refused(e.getMessage())
            : new Violation("the connection broke mid-flight: " + e.getMessage());
      }
      if (type == 21) {
        return hello == null
            ? new Refused("alert " + alert(body))
            : new Violation("alert " + alert(body) + " after the ServerHello");
      }
      if (type == 20 || type == 23) {
        if (hello != null && hello.version() == TlsVersion.TLS_1_3) {
          return hello;
        }
        return new Violation(
            (type == 20 ? "ChangeCipherSpec" : "application data")
                + " before a ServerHello flight");
      }
      handshake.writeBytes(body);
      byte[] hs = handshake.toByteArray();
      int off = 0;
      while (hs.length - off >= 4) {
        int msgType = hs[off] & 0xff;
        int len = ((hs[off + 1] & 0xff) << 16) | ((hs[off + 2] & 0xff) << 8) | (hs[off + 3] & 0xff);
        if (hs.length - off - 4 < len) {
          break;
        }
        byte[] msg = Arrays.copyOfRange(hs, off + 4, off + 4 + len);
        off += 4 + len;
        if (hello == null) {
          if (msgType != 2) {
            return new Violation("handshake message " + msgType + " before the ServerHello");
          }
          Reply r = serverHello(msg, version, offered);
          if (!(r instanceof Accepted a)) {
            return r;
          }
          hello = a;
          if (a.version() == TlsVersion.TLS_1_3) {
            return a; // the rest of a TLS 1.3 flight is encrypted
          }
        } else if (msgType == 11) {
          if (certificates) {
            chain = certificateChain(msg);
          }
        } else if (msgType == 14) {
          return new Accepted(hello.version(), hello.suite(), false, chain);
        }
      }
      handshake.reset();
      handshake.write(hs, off, hs.length - off);
    }
    return new Violation("more than " + MAX_RECORDS + " records without a ServerHelloDone");
  }

  /** Parses a ServerHello and checks that it answers what was offered. */
  private static Reply serverHello(byte[] m, TlsVersion offeredVersion, List<CipherSuite> offered) {
    try {
      int p = 0;
      int legacyVersion = u16(m, p);
      p += 2;
      byte[] rnd = Arrays.copyOfRange(m, p, p + 32);
      p += 32;
      int sid = m[p] & 0xff;
      p += 1 + sid;
      int suiteCode = u16(m, p);
      p += 2;
      int compression = m[p] & 0xff;
      p += 1;
      Integer selected = null;
      if (p + 2 <= m.length) {
        int extEnd = p + 2 + u16(m, p);
        p += 2;
        while (p + 4 <= extEnd) {
          int type = u16(m, p);
          int len = u16(m, p + 2);
          if (type == 0x002b && len == 2) {
            selected = u16(m, p + 4);
          }
          p += 4 + len;
        }
      }
      int version = selected != null ? selected : legacyVersion;
      Optional<TlsVersion> answered = TlsVersion.of(version);
      if (answered.isEmpty()) {
        return new Violation(String.format("unknown version 0x%04X", version));
      }
      if (answered.get().code() > offeredVersion.code()) {
        return new Violation("answered " + answered.get() + " to a " + offeredVersion + " hello");
      }
      if (answered.get() != offeredVersion) {
        return new Downgraded(offeredVersion, answered.get().label());
      }
      Optional<CipherSuite> suite = offered.stream().filter(s -> s.code() == suiteCode).findFirst();
      if (suite.isEmpty()) {
        return new Violation(String.format("chose suite 0x%04X, which was not offered", suiteCode));
      }
      if (compression != 0) {
        return new Violation("chose compression " + compression + ", which was not offered");
      }
      return new Accepted(
          answered.get(), suite.get(), Arrays.equals(rnd, HELLO_RETRY_RANDOM), List.of());
    } catch (ArrayIndexOutOfBoundsException e) {
      return new Violation("a truncated ServerHello");
    }
  }

  /** The Certificate message of TLS 1.2 and older: a list of DER certificates, leaf first. */
  private static List<X509Certificate> certificateChain(byte[] m) {
    List<X509Certificate> out = new ArrayList<>();
    try {
      CertificateFactory cf = CertificateFactory.getInstance("X.509");
      int total = u24(m, 0);
      int p = 3;
      while (p + 3 <= Math.min(m.length, 3 + total)) {
        int len = u24(m, p);
        p += 3;
        out.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(m, p, len)));
        p += len;
      }
    } catch (CertificateException | ArrayIndexOutOfBoundsException e) {
      return List.of();
    }
    return out;
  }

  /** The chain a TLS 1.3 handshake presents, through JSSE; nothing is sent after the handshake. */
  private List<X509Certificate> jsseChain(String host, int port) {
    try (TcpProbe.Session session = tcp.open(host, port)) {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new TrustManager[] {new AcceptAnyServer()}, random);
      try (SSLSocket s =
          (SSLSocket) ctx.getSocketFactory().createSocket(session.socket(), host, port, true)) {
        session.hold(s);
        SSLParameters p = s.getSSLParameters();
        p.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        if (!TlsHello.isIpLiteral(host)) {
          p.setServerNames(List.of(new SNIHostName(host)));
        }
        s.setSSLParameters(p);
        s.startHandshake();
        List<X509Certificate> out = new ArrayList<>();
        for (java.security.cert.Certificate c : s.getSession().getPeerCertificates()) {
          if (c instanceof X509Certificate x) {
            out.add(x);
          }
        }
        return out;
      } catch (SSLException e) {
        return List.of();
      } catch (IOException e) {
        throw session.describe(e);
      }
    } catch (java.security.GeneralSecurityException e) {
      throw new ProbeException("no TLS client for the certificate read: " + e.getMessage(), e);
    }
  }

  private static boolean timedOut(ProbeException e) {
    if (e.stalled()) {
      return true;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SocketTimeoutException) {
        return true;
      }
    }
    return false;
  }

  private static final Map<Integer, String> ALERTS = alerts();

  private static Map<Integer, String> alerts() {
    Map<Integer, String> m = new LinkedHashMap<>();
    m.put(0, "close_notify");
    m.put(10, "unexpected_message");
    m.put(20, "bad_record_mac");
    m.put(22, "record_overflow");
    m.put(40, "handshake_failure");
    m.put(42, "bad_certificate");
    m.put(47, "illegal_parameter");
    m.put(50, "decode_error");
    m.put(51, "decrypt_error");
    m.put(70, "protocol_version");
    m.put(71, "insufficient_security");
    m.put(80, "internal_error");
    m.put(86, "inappropriate_fallback");
    m.put(90, "user_canceled");
    m.put(109, "missing_extension");
    m.put(110, "unsupported_extension");
    m.put(112, "unrecognized_name");
    m.put(120, "no_application_protocol");
    return m;
  }

  private static String alert(byte[] body) {
    if (body.length < 2) {
      return "(truncated)";
    }
    int d = body[1] & 0xff;
    return ALERTS.getOrDefault(d, "") + " (" + d + ")";
  }

  /** The first bytes of a non-TLS answer, as text a report can show. */
  private static String printable(int first, TcpProbe.Session s) {
    byte[] more = s.peek(Duration.ofMillis(200), 31);
    byte[] all = new byte[more.length + 1];
    all[0] = (byte) first;
    System.arraycopy(more, 0, all, 1, more.length);
    return printable(all);
  }

  private static String printable(int first, byte[] rest) {
    byte[] all = new byte[rest.length + 1];
    all[0] = (byte) first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return printable(all);
  }

  private static String printable(byte[] b) {
    String s = new String(b, StandardCharsets.ISO_8859_1);
    int eol = s.indexOf('\r');
    if (eol > 0) {
      s = s.substring(0, eol);
    }
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      out.append(c >= 0x20 && c < 0x7f ? c : '.');
    }
    return out.toString();
  }

  private static int u16(byte[] b, int p) {
    return ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
  }

  private static int u24(byte[] b, int p) {
    return ((b[p] & 0xff) << 16) | ((b[p + 1] & 0xff) << 8) | (b[p + 2] & 0xff);
  }

  private static byte[] hex(String s) {
    byte[] out = new byte[s.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }
}
