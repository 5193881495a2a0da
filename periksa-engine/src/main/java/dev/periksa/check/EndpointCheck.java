package dev.periksa.check;

import dev.periksa.target.Endpoint;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A check of a target's endpoints of the kinds its metadata names (declared first, then
 * discovered), through the one skeleton of {@link ProbingCheck}.
 */
public abstract class EndpointCheck extends ProbingCheck<Endpoint> {

  @Override
  protected List<Endpoint> targets(TargetContext ctx) {
    List<Endpoint> out = new ArrayList<>();
    for (String kind : metadata().kinds()) {
      out.addAll(ctx.endpoints(kind));
    }
    return out;
  }

  @Override
  protected String name(Endpoint e) {
    return e.name();
  }

  @Override
  protected URI address(Endpoint e) {
    return e.url();
  }
}
