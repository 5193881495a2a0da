package dev.periksa.discovery;

import dev.periksa.probe.ProbeException;
import dev.periksa.probe.TcpProbe;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PostgreSQL: an SSLRequest is answered with the single byte {@code S} or {@code N}, and a startup
 * message (protocol 3.0, an invented user name, no password) with an authentication request or an
 * ErrorResponse carrying a SQLSTATE. Both must hold. A server that answered {@code S} gets the
 * startup message on a second, plain connection rather than a TLS handshake.
 */
final class PostgresFingerprint implements Fingerprint {
  private static final int SSL_REQUEST_CODE = 80877103;
  private static final int PROTOCOL_3_0 = 196608;
  private static final Set<Integer> AUTH_CODES = Set.of(0, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12);
  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  public String kind() {
    return "postgresql";
  }

  @Override
  public String product() {
    return "PostgreSQL";
  }

  @Override
  public List<Integer> defaultPorts() {
    return List.of(5432);
  }

  @Override
  public Wire wire() {
    return Wire.TCP;
  }

  @Override
  public Optional<URI> identify(Probes probes, String host, int port) {
    try {
      int answer;
      try (TcpProbe.Session s = probes.tcp().open(host, port)) {
        s.send(ByteBuffer.allocate(8).putInt(8).putInt(SSL_REQUEST_CODE).array());
        answer = s.read();
        if (answer == 'N') {
          return startupAnswered(s) ? Optional.of(url(host, port)) : Optional.empty();
        }
      }
      if (answer != 'S') {
        return Optional.empty();
      }
      try (TcpProbe.Session s = probes.tcp().open(host, port)) {
        return startupAnswered(s) ? Optional.of(url(host, port)) : Optional.empty();
      }
    } catch (ProbeException e) {
      return Optional.empty();
    }
  }

  private static URI url(String host, int port) {
    return URI.create("postgresql://" + host + ":" + port);
  }

  /** Sends a startup message and reads whether the reply is PostgreSQL's. */
  static boolean startupAnswered(TcpProbe.Session s) {
    s.send(startupMessage());
    int type = s.read();
    if (type != 'R' && type != 'E' && type != 'v') {
      return false;
    }
    int length = ByteBuffer.wrap(s.readExactly(4)).getInt();
    if (length < 8 || length > 8192) {
      return false;
    }
    byte[] body = s.readExactly(length - 4);
    if (type == 'R') {
      return AUTH_CODES.contains(ByteBuffer.wrap(body).getInt());
    }
    if (type == 'v') {
      return true;
    }
    return errorFields(body);
  }

  /** An ErrorResponse: (code byte, NUL-terminated text)* then NUL, with S, C (5 chars) and M. */
  static boolean errorFields(byte[] body) {
    boolean severity = false;
    boolean code = false;
    boolean message = false;
    int i = 0;
    while (i < body.length && body[i] != 0) {
      char field = (char) body[i++];
      int start = i;
      while (i < body.length && body[i] != 0) {
        i++;
      }
      if (i >= body.length) {
        return false;
      }
      String value = new String(body, start, i - start, StandardCharsets.UTF_8);
      i++;
      switch (field) {
        case 'S', 'V' -> severity = true;
        case 'C' -> code = value.matches("[0-9A-Z]{5}");
        case 'M' -> message = !value.isEmpty();
        default -> {}
      }
    }
    return severity && code && message;
  }

  private static byte[] startupMessage() {
    byte[] user = new byte[4];
    RANDOM.nextBytes(user);
    ByteArrayOutputStream params = new ByteArrayOutputStream();
    for (String p :
        List.of(
            "user",
            "periksa-" + HexFormat.of().formatHex(user),
            "database",
            "periksa",
            "application_name",
            "periksa-discovery")) {
      params.writeBytes(p.getBytes(StandardCharsets.UTF_8));
      params.write(0);
    }
    params.write(0);
    byte[] p = params.toByteArray();
    return ByteBuffer.allocate(8 + p.length)
        .putInt(8 + p.length)
        .putInt(PROTOCOL_3_0)
        .put(p)
        .array();
  }
}
