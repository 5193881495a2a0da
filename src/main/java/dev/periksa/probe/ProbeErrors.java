package dev.periksa.probe;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLException;

/** Turns what went wrong on the wire into one sentence a report can carry. */
final class ProbeErrors {
  private ProbeErrors() {}

  static ProbeException describe(String host, int port, Duration timeout, Exception e) {
    String where = host + ":" + port;
    Throwable t = e;
    while (t != null) {
      if (t instanceof ConnectException) {
        return new ProbeException("connection refused by " + where, e);
      }
      if (t instanceof SocketTimeoutException
          || t instanceof org.apache.http.conn.ConnectTimeoutException) {
        return new ProbeException(
            "no reply from " + where + " within " + timeout.toMillis() / 1000.0 + " s", e);
      }
      if (t instanceof UnknownHostException) {
        return new ProbeException("unknown host " + host, e);
      }
      if (t instanceof SSLException) {
        return new ProbeException("TLS handshake with " + where + " failed: " + t.getMessage(), e);
      }
      if (t instanceof org.apache.http.NoHttpResponseException) {
        return new ProbeException(where + " closed the connection without a reply", e);
      }
      if (t instanceof java.io.EOFException) {
        return new ProbeException(where + " closed the connection mid-reply", e);
      }
      if (t instanceof SocketException) {
        return new ProbeException("connection to " + where + " broke: " + t.getMessage(), e);
      }
      t = t.getCause();
    }
    return new ProbeException(
        "request to " + where + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(),
        e);
  }
}
