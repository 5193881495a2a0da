package dev.periksa.lab;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;

/**
 * One real FHIR R4 server: HAPI FHIR's plain {@link RestfulServer} in Jetty 12, serving Patient and
 * Observation resources held in memory (read and search, with paging and {@code _summary=count}).
 * With a bearer token it refuses every operation but {@code /metadata} without that token, with a
 * 401, an OperationOutcome and {@code WWW-Authenticate: Bearer}, as a protected FHIR API does.
 */
public final class FhirServer implements AutoCloseable {
  /** Where the FHIR base sits on the server. */
  static final String PATH = "/fhir";

  private final Server jetty;
  private final URI base;

  /**
   * Starts a server on host (port chosen at bind time).
   *
   * @param tls HTTPS when given, plain HTTP when null
   * @param bearerToken the token every request but {@code /metadata} needs, or null for none
   */
  FhirServer(
      String host,
      SSLContext tls,
      String bearerToken,
      String description,
      List<Patient> patients,
      List<Observation> observations)
      throws Exception {
    this(host, 0, tls, bearerToken, description, patients, observations);
  }

  /**
   * Starts a server on host and port (0: chosen at bind time), for labs outside this package.
   *
   * @param tls HTTPS when given, plain HTTP when null
   * @param bearerToken the token every request but {@code /metadata} needs, or null for none
   */
  public FhirServer(
      String host,
      int port,
      SSLContext tls,
      String bearerToken,
      String description,
      List<Patient> patients,
      List<Observation> observations)
      throws Exception {
    this(
        host,
        port,
        tls,
        bearerToken == null ? null : new BearerTokenGate(bearerToken),
        description,
        patients,
        observations);
  }

  /**
   * Starts a server on host and port (0: chosen at bind time) whose requests pass through a HAPI
   * interceptor of the caller's (an access rule), or none.
   */
  FhirServer(
      String host,
      int port,
      SSLContext tls,
      Object gate,
      String description,
      List<Patient> patients,
      List<Observation> observations)
      throws Exception {
    RestfulServer fhir = new RestfulServer(FhirContext.forR4Cached());
    fhir.setDefaultResponseEncoding(EncodingEnum.JSON);
    fhir.setImplementationDescription(description);
    fhir.setPagingProvider(new FifoMemoryPagingProvider(20));
    fhir.setResourceProviders(new PatientProvider(patients), new ObservationProvider(observations));
    if (gate != null) {
      fhir.registerInterceptor(gate);
    }

    QueuedThreadPool threads = new QueuedThreadPool(16, 2);
    threads.setName("fhir-" + host);
    threads.setDaemon(true);
    jetty = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    ServerConnector connector;
    if (tls == null) {
      connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
    } else {
      http.addCustomizer(new SecureRequestCustomizer(false));
      SslContextFactory.Server ssl = new SslContextFactory.Server();
      ssl.setSslContext(tls);
      ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
      connector = new ServerConnector(jetty, ssl, new HttpConnectionFactory(http));
    }
    connector.setHost(host);
    connector.setPort(port);
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    context.addServlet(new ServletHolder("fhir", fhir), PATH + "/*");
    jetty.setHandler(context);
    jetty.start();
    base =
        URI.create(
            (tls == null ? "http" : "https")
                + "://"
                + host
                + ":"
                + connector.getLocalPort()
                + PATH);
  }

  /** The FHIR base URL, e.g. {@code http://127.0.0.2:41234/fhir}. */
  public URI base() {
    return base;
  }

  @Override
  public void close() throws Exception {
    jetty.stop();
  }

  /** Read over an in-memory list of one resource type. */
  abstract static class InMemory<T extends IBaseResource> implements IResourceProvider {
    private final Class<T> type;
    private final Map<String, T> byId = new LinkedHashMap<>();

    InMemory(Class<T> type, List<T> resources) {
      this.type = type;
      for (T r : resources) {
        byId.put(r.getIdElement().getIdPart(), r);
      }
    }

    @Override
    public Class<T> getResourceType() {
      return type;
    }

    @Read
    public T read(@IdParam IdType id) {
      T r = byId.get(id.getIdPart());
      if (r == null) {
        throw new ResourceNotFoundException(id);
      }
      return r;
    }

    IBundleProvider matching(Predicate<T> keep) {
      return new SimpleBundleProvider(
          byId.values().stream().filter(keep).map(r -> (IBaseResource) r).toList());
    }
  }

  /** Patients: read, list, search by identifier ({@code system|value} or value). */
  public static final class PatientProvider extends InMemory<Patient> {
    PatientProvider(List<Patient> patients) {
      super(Patient.class, patients);
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = Patient.SP_IDENTIFIER) TokenParam id) {
      if (id == null) {
        return matching(p -> true);
      }
      return matching(
          p ->
              p.getIdentifier().stream()
                  .anyMatch(
                      i ->
                          id.getValue().equals(i.getValue())
                              && (id.getSystem() == null || id.getSystem().equals(i.getSystem()))));
    }
  }

  /** Observations: read, list, search by subject. */
  public static final class ObservationProvider extends InMemory<Observation> {
    ObservationProvider(List<Observation> observations) {
      super(Observation.class, observations);
    }

    @Search
    public IBundleProvider search(
        @OptionalParam(name = Observation.SP_SUBJECT) ReferenceParam subject) {
      if (subject == null) {
        return matching(o -> true);
      }
      String ref = "Patient/" + subject.getIdPart();
      return matching(o -> ref.equals(o.getSubject().getReference()));
    }
  }

  /** Demands {@code Authorization: Bearer <token>} on everything but the capability statement. */
  @Interceptor
  public static final class BearerTokenGate {
    private final byte[] expected;

    BearerTokenGate(String token) {
      this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
    public void check(RequestDetails request, RestOperationTypeEnum operation) {
      if (operation == RestOperationTypeEnum.METADATA) {
        return;
      }
      String auth = request.getHeader("Authorization");
      if (auth != null && MessageDigest.isEqual(auth.getBytes(StandardCharsets.UTF_8), expected)) {
        return;
      }
      throw refusal();
    }

    /** The 401 a protected FHIR API answers a request without a valid token. */
    static AuthenticationException refusal() {
      String why = "A valid bearer token is required to read this server";
      AuthenticationException refused = new AuthenticationException(why);
      OperationOutcome outcome = new OperationOutcome();
      outcome
          .addIssue()
          .setSeverity(OperationOutcome.IssueSeverity.ERROR)
          .setCode(OperationOutcome.IssueType.LOGIN)
          .setDiagnostics(why);
      refused.setOperationOutcome(outcome);
      refused.addResponseHeader(
          "WWW-Authenticate", "Bearer realm=\"e-HAC FHIR\", error=\"invalid_token\"");
      return refused;
    }

    /** Says in the capability statement that reads need a token, as a protected API should. */
    @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
    public void describe(IBaseConformance statement) {
      if (statement instanceof CapabilityStatement cs) {
        for (CapabilityStatement.CapabilityStatementRestComponent rest : cs.getRest()) {
          rest.getSecurity()
              .addService(
                  new CodeableConcept(
                      new Coding(
                          "http://terminology.hl7.org/CodeSystem/restful-security-service",
                          "OAuth",
                          "OAuth")))
              .setDescription("Every read needs an OAuth 2.0 bearer token.");
        }
      }
    }
  }
}
