package dev.periksa.product;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * FHIR servers of any version (DSTU2's {@code Conformance} to R5): the capability statement, search
 * Bundles and OperationOutcomes. Only the few fields Periksa needs are read (resourceType,
 * fhirVersion, total, entry.resource, issue.code), without a FHIR model, so half-broken replies and
 * any version read alike.
 */
public final class FhirReplies {
  private FhirReplies() {}

  /** What a capability statement says: FHIR version, software, resource types, security. */
  public record Capability(
      String resourceType,
      String fhirVersion,
      String software,
      Set<String> types,
      List<String> securityServices) {

    /** "HAPI FHIR Server 8.8.0 (FHIR 4.0.1)", or "FHIR 4.0.1 server" without software. */
    public String label() {
      return software.isEmpty()
          ? "FHIR " + fhirVersion + " server"
          : software + " (FHIR " + fhirVersion + ")";
    }
  }

  /** A searchset (or any) Bundle: type, total when given, and its match entries' resources. */
  public record Bundle(String type, Long total, List<Json> matches) {
    /** The resource types of the match entries, each once. */
    public List<String> entryTypes() {
      return matches.stream().map(r -> r.path("resourceType").asText("?")).distinct().toList();
    }
  }

  /** An OperationOutcome's issue codes, e.g. "login", "security", "not-supported". */
  public record Outcome(List<String> codes) {}

  /**
   * The capability statement of a 2xx reply: {@code CapabilityStatement} or DSTU2's {@code
   * Conformance}; the types and security services of its server-mode {@code rest} entries. A
   * statement without {@code fhirVersion} (optional in DSTU2) reads as version "?".
   */
  public static Optional<Capability> capability(HttpReply r) {
    if (!r.isSuccess()) {
      return Optional.empty();
    }
    return r.json()
        .flatMap(
            j -> {
              String rt = j.path("resourceType").asText("");
              if (!rt.equals("CapabilityStatement") && !rt.equals("Conformance")) {
                return Optional.empty();
              }
              Set<String> types = new LinkedHashSet<>();
              List<String> security = new ArrayList<>();
              for (Json rest : j.path("rest").elements()) {
                if (!rest.path("mode").asText("server").equals("server")) {
                  continue;
                }
                for (Json res : rest.path("resource").elements()) {
                  if (res.path("type").isText()) {
                    types.add(res.path("type").asText(""));
                  }
                }
                for (Json svc : rest.path("security").path("service").elements()) {
                  for (Json c : svc.path("coding").elements()) {
                    security.add(c.path("code").asText(""));
                  }
                  if (svc.path("text").isText()) {
                    security.add(svc.path("text").asText(""));
                  }
                }
              }
              Json sw = j.path("software");
              String software =
                  (sw.path("name").asText("") + " " + sw.path("version").asText("")).strip();
              return Optional.of(
                  new Capability(rt, j.path("fhirVersion").asText("?"), software, types, security));
            });
  }

  /**
   * The Bundle of a 2xx reply, with its {@code total} when it is a whole number and the resources
   * of its entries whose search mode is "match" (or not given): included resources and outcomes are
   * not search results.
   */
  public static Optional<Bundle> searchBundle(HttpReply r) {
    if (!r.isSuccess()) {
      return Optional.empty();
    }
    return r.json()
        .flatMap(
            j -> {
              if (!"Bundle".equals(j.path("resourceType").asText(""))) {
                return Optional.empty();
              }
              Long total = j.path("total").isIntegral() ? j.path("total").asLong(0) : null;
              List<Json> matches = new ArrayList<>();
              for (Json entry : j.path("entry").elements()) {
                String mode = entry.path("search").path("mode").asText("match");
                if (mode.equals("match") && entry.path("resource").isObject()) {
                  matches.add(entry.path("resource"));
                }
              }
              return Optional.of(new Bundle(j.path("type").asText(""), total, matches));
            });
  }

  /** The OperationOutcome of a reply of any status. */
  public static Optional<Outcome> outcome(HttpReply r) {
    return r.json()
        .filter(j -> "OperationOutcome".equals(j.path("resourceType").asText("")))
        .map(
            j -> {
              List<String> codes = new ArrayList<>();
              for (Json issue : j.path("issue").elements()) {
                codes.add(issue.path("code").asText("?"));
              }
              return new Outcome(codes);
            });
  }

  /**
   * What discovery knows a FHIR base's {@code /metadata} by: a capability statement that declares
   * its {@code fhirVersion} (required from STU3 on; discovery has this one reply to go on), or a
   * refusal carrying an OperationOutcome.
   */
  public static boolean identifies(HttpReply metadata) {
    if (metadata.isSuccess()) {
      return capability(metadata).isPresent()
          && metadata.json().map(j -> j.path("fhirVersion").isText()).orElse(false);
    }
    return metadata.isRefusal() && outcome(metadata).isPresent();
  }
}
