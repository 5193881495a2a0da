package dev.periksa.probe;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLException;

/**
 * Turns what went wrong on the wire into one sentence a person reads: what was tried, what arrived
 * and where it stopped. Never an exception's class name, never "null".
 */
public final class ProbeErrors {
  private ProbeErrors() {}

  /**
   * A failed exchange. {@link ProbeException#stalled()} tells whether the service went silent or
   * ran out of time (which {@link HostHealth} counts) rather than refusing or breaking.
   */
  static ProbeException describe(Exchange ex, boolean tls, Exception e) {
    String where = ex.where();
    if (ex.expired()) {
      return new ProbeException(
          "no complete reply from "
              + where
              + " within the "
              + BodyReader.seconds(ex.deadline.toMillis())
              + " allowed for one exchange ("
              + ex.arrived(tls)
              + ")",
          e,
          true);
    }
    return describe(where, ex.deadline, e, ex.arrived(tls), ex.received());
  }

  /** A failed connection or session outside HTTP; {@code arrived} says what had arrived. */
  static ProbeException describe(
      String where, Duration timeout, Exception e, String arrived, long received) {
    String idle = BodyReader.seconds(timeout.toMillis());
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ProbeException pe) {
        return pe;
      }
      if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
        return new ProbeException("connection refused by " + where, e);
      }
      if (t instanceof org.apache.http.conn.ConnectTimeoutException) {
        return new ProbeException(where + " did not accept a connection within " + idle, e, true);
      }
      if (t instanceof SocketTimeoutException) {
        String what =
            received == 0
                ? where + " accepted the connection but sent nothing for " + idle
                : where + ": " + arrived + ", then nothing for " + idle;
        return new ProbeException(what, e, true);
      }
      if (t instanceof UnknownHostException) {
        return new ProbeException("unknown host " + where.substring(0, where.lastIndexOf(':')), e);
      }
      if (t instanceof SSLException) {
        return new ProbeException(
            "the TLS handshake with " + where + " failed: " + plain(t) + " (" + arrived + ")", e);
      }
      if (t instanceof org.apache.http.NoHttpResponseException) {
        return new ProbeException(where + " closed the connection without a reply", e);
      }
      if (t instanceof org.apache.http.ProtocolException
          || t instanceof org.apache.http.client.ClientProtocolException
          || t instanceof org.apache.http.ParseException) {
        Throwable inner = t.getCause() != null ? t.getCause() : t;
        return new ProbeException(
            where + " did not answer in HTTP: " + plain(inner) + " (" + arrived + ")", e);
      }
      if (t instanceof EOFException) {
        return new ProbeException(where + " closed the connection mid-reply (" + arrived + ")", e);
      }
      if (t instanceof SocketException) {
        String m = plain(t);
        return new ProbeException(
            (m.toLowerCase(java.util.Locale.ROOT).contains("reset")
                    ? where + " reset the connection"
                    : "the connection to " + where + " broke: " + m)
                + " ("
                + arrived
                + ")",
            e);
      }
    }
    return new ProbeException("the exchange with " + where + " failed: " + plain(e), e);
  }

  /**
   * The first message in a cause chain that a person can read, without class names; a fixed phrase
   * when none has one.
   */
  public static String plain(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (m != null && !m.isBlank() && !"null".equals(m.strip())) {
        // Drop a leading "java.net.SocketException: " that some wrappers copy into their message.
        String s = m.replaceAll("^(?:[a-z]+\\.)+[A-Z][A-Za-z]*(?:Exception|Error): ", "").strip();
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
      }
    }
    return "no reason was given";
  }
}
