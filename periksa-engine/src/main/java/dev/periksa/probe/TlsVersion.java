package dev.periksa.probe;

import java.util.Arrays;
import java.util.Optional;

/** The SSL and TLS versions a server may accept, with their wire codes. */
public enum TlsVersion {
  SSL_3_0(0x0300, "SSLv3"),
  TLS_1_0(0x0301, "TLS 1.0"),
  TLS_1_1(0x0302, "TLS 1.1"),
  TLS_1_2(0x0303, "TLS 1.2"),
  TLS_1_3(0x0304, "TLS 1.3");

  private final int code;
  private final String label;

  TlsVersion(int code, String label) {
    this.code = code;
    this.label = label;
  }

  /** The two-byte version on the wire, e.g. 0x0303 for TLS 1.2. */
  public int code() {
    return code;
  }

  /** The name reports use, e.g. "TLS 1.2". */
  public String label() {
    return label;
  }

  /** The version for a wire code, if it is one of these. */
  public static Optional<TlsVersion> of(int code) {
    return Arrays.stream(values()).filter(v -> v.code == code).findFirst();
  }

  @Override
  public String toString() {
    return label;
  }
}
