package dev.periksa.lab;

import dev.periksa.lab.FleetServer.Reply;
import dev.periksa.lab.FleetServer.Request;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulated traveller REST API for the fleet lab, in the style of a Spring Boot service: {@code
 * GET /api/v1/travellers/{id}} returns one synthetic traveller's JSON ({@link EhacData}: NIK,
 * passport, phone, test result), {@code GET /api/v1/travellers} a page of them, and unknown paths
 * Spring's JSON 404. A protected API answers every request without its bearer token with 401,
 * {@code WWW-Authenticate: Bearer} and no body, as Spring Security's resource server does; the
 * token stands for the owner of the API's first record, who reads that record and no other.
 *
 * <p>Simulated for scale measurement, not a server the checks are proven on (the demo lab's e-HAC
 * API is that); records are made on demand, so an API costs a few fields.
 */
final class FleetApi implements FleetServer.Handler {
  static final String RECORD_PATH = "/api/v1/travellers/";
  private static final int PAGE = 10;

  private final String service;
  private final byte[] token; // null: answers anyone
  private final int firstTraveller;
  private final int travellers;

  /**
   * @param token the bearer token a caller must present, or null for an API open to anyone
   * @param firstTraveller the {@link EhacData} index of this API's first traveller
   */
  FleetApi(String service, String token, int firstTraveller, int travellers) {
    this.service = service;
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    this.firstTraveller = firstTraveller;
    this.travellers = travellers;
  }

  @Override
  public Reply answer(Request r) {
    if (token != null) {
      String auth = r.header("authorization");
      if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
        return unauthorized("Bearer realm=\"" + service + "\"");
      }
      byte[] given = auth.substring(7).trim().getBytes(StandardCharsets.UTF_8);
      if (!MessageDigest.isEqual(given, token)) {
        return unauthorized(
            "Bearer realm=\""
                + service
                + "\", error=\"invalid_token\", error_description=\"The token is not valid\"");
      }
    }
    boolean read = r.method().equals("GET") || r.method().equals("HEAD");
    String path = r.path();
    if (path.equals("/") && read) {
      return json(200, Map.of("service", service, "version", "1.4.2", "status", "UP"));
    }
    if (path.equals("/actuator/health") && read) {
      return json(200, Map.of("status", "UP"));
    }
    if (path.equals("/api/v1/travellers") && read) {
      List<Map<String, Object>> page = new ArrayList<>();
      int shown = token != null ? 1 : Math.min(PAGE, travellers);
      for (int k = 0; k < shown; k++) {
        page.add(EhacData.traveller(firstTraveller + k));
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("data", page);
      body.put("page", 0);
      body.put("size", PAGE);
      body.put("total", token != null ? 1 : travellers);
      return json(200, body);
    }
    if (path.startsWith(RECORD_PATH) && read) {
      int i = index(path.substring(RECORD_PATH.length()));
      if (i >= 0 && (token == null || i == firstTraveller)) {
        return json(200, Map.of("data", EhacData.traveller(i)));
      }
    }
    if (!read && !path.startsWith("/api/")) {
      return springError(r, 405, "Method Not Allowed");
    }
    return springError(r, 404, "Not Found");
  }

  /** The traveller index an id names, or -1 when it is not one of this API's. */
  private int index(String id) {
    if (!id.matches("EHAC-[0-9]{8}")) {
      return -1;
    }
    int i = Integer.parseInt(id.substring(5)) - 1;
    return i >= firstTraveller && i < firstTraveller + travellers ? i : -1;
  }

  /** The first record's id: the one the profile's identity owns. */
  String firstId() {
    return EhacData.travellerId(firstTraveller);
  }

  private static Reply unauthorized(String challenge) {
    return new Reply(401, null, new byte[0], Map.of("WWW-Authenticate", challenge), 0);
  }

  private static Reply springError(Request r, int status, String error) {
    return json(status, springBody(r, status, error));
  }

  private static Map<String, Object> springBody(Request r, int status, String error) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("timestamp", Instant.now().toString());
    body.put("status", status);
    body.put("error", error);
    body.put("path", r.path());
    return body;
  }

  private static Reply json(int status, Object body) {
    return new Reply(status, "application/json", FleetSearchCluster.bytes(body), Map.of(), 0);
  }
}
