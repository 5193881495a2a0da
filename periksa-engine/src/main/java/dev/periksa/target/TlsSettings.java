package dev.periksa.target;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A profile's {@code tls} section: the certificate authorities the TLS checks trust besides the
 * JDK's trust store, for targets whose certificates come from a private CA.
 *
 * @param trust the PEM files named in the profile, resolved against the profile's folder
 * @param trustedCas the CA certificates read from them
 */
public record TlsSettings(List<Path> trust, List<X509Certificate> trustedCas) {

  /** No extra CA: only the JDK's trust store. */
  public static final TlsSettings NONE = new TlsSettings(List.of(), List.of());

  public TlsSettings {
    trust = List.copyOf(trust);
    trustedCas = List.copyOf(trustedCas);
  }
}
