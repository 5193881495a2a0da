package dev.periksa.zap;

import java.net.URI;
import org.zaproxy.clientapi.core.ClientApi;

/** A ZAP daemon Periksa can drive: where its API is, its key, and a client for it. */
public interface ZapConnection {

  /** The API's base address, e.g. {@code http://127.0.0.1:8090}. */
  URI url();

  /** The API key (never printed: {@link #describe()} leaves it out). */
  String apiKey();

  /** A new API client (each is cheap and holds no connection open). */
  ClientApi client();

  /** One line for reports, without the key. */
  String describe();

  /** A ZAP someone else runs, at {@code url}, with that key. */
  static ZapConnection remote(URI url, String apiKey) {
    int port = url.getPort() > 0 ? url.getPort() : ("https".equals(url.getScheme()) ? 443 : 80);
    return new ZapConnection() {
      @Override
      public URI url() {
        return url;
      }

      @Override
      public String apiKey() {
        return apiKey;
      }

      @Override
      public ClientApi client() {
        return new ClientApi(url.getHost(), port, apiKey);
      }

      @Override
      public String describe() {
        return "ZAP at " + url;
      }
    };
  }
}
