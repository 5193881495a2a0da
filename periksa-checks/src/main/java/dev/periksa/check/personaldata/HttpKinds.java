package dev.periksa.check.personaldata;

import dev.periksa.check.TargetContext;
import dev.periksa.target.Endpoint;
import dev.periksa.target.EndpointKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The endpoint kinds that speak HTTP: those whose URLs are {@code http://} or {@code https://}. */
final class HttpKinds {
  private HttpKinds() {}

  /** Every kind whose URL scheme is http or https (databases with their own protocols are not). */
  static List<String> ids() {
    return Arrays.stream(EndpointKind.values())
        .filter(k -> k.schemes().contains("http") || k.schemes().contains("https"))
        .map(EndpointKind::id)
        .toList();
  }

  /** Every endpoint of the target (declared, then discovered) that speaks HTTP. */
  static List<Endpoint> endpoints(TargetContext ctx) {
    List<Endpoint> out = new ArrayList<>();
    for (String kind : ids()) {
      out.addAll(ctx.endpoints(kind));
    }
    return out;
  }

  /** Whether an endpoint's URL is plain HTTP. */
  static boolean plain(Endpoint e) {
    return "http".equalsIgnoreCase(e.url().getScheme());
  }
}
