package dev.periksa.probe;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.security.SecureRandom;

/** Records what a real TLS server answers to one ClientHello, for replaying look-alikes. */
public final class TlsRecordings {
  private TlsRecordings() {}

  /** The server's bytes after one hello offering every suite of {@code v}, until it goes quiet. */
  public static byte[] record(URI u, TlsVersion v) throws Exception {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(u.getHost(), u.getPort()), 2000);
      s.setSoTimeout(500);
      s.getOutputStream()
          .write(TlsHello.record(v, CipherSuites.legacy(), u.getHost(), new SecureRandom()));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      InputStream in = s.getInputStream();
      byte[] buf = new byte[8192];
      try {
        int n;
        while ((n = in.read(buf)) > 0) {
          out.write(buf, 0, n);
        }
      } catch (java.net.SocketTimeoutException e) {
        // The server waits for the client's next flight: the recording is complete.
      }
      return out.toByteArray();
    }
  }
}
