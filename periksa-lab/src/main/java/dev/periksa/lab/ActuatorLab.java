package dev.periksa.lab;

import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.catalina.valves.AccessLogValve;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.autoconfigure.beans.BeansEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.info.InfoEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.management.HeapDumpWebEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.management.ThreadDumpEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.mappings.MappingsEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementContextAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.servlet.ServletManagementContextAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslBundleRegistrar;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleKey;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The e-HAC back office's Spring Boot 3.5 application with its real actuator, on embedded Tomcat.
 *
 * <p>Legacy twin: plain HTTP and {@code management.endpoints.web.exposure.include=*}, the classic
 * misconfiguration that publishes {@code /actuator/env} and {@code /actuator/heapdump} to anyone.
 * Spring Boot 3 still masks the environment's values by default; the property names and a dump of
 * the whole heap are what leak. Tomcat's access log (request, status, body bytes, Range header)
 * lets tests prove from the server's side that a check read 32 bytes of the dump and no more.
 *
 * <p>Hardened twin: HTTPS (TLS 1.2/1.3, lab CA) with Strict-Transport-Security, and Boot's default
 * exposure, health only.
 *
 * <p>Both run in the lab's JVM. The auto-configurations are listed explicitly rather than found on
 * the class path: OpenSearch, Jetty and the rest of the lab share that class path, and a Boot
 * application must not configure itself around them. Boot's logging listener is left out so it does
 * not reconfigure the log4j2 that OpenSearch uses.
 */
final class ActuatorLab implements LabService {

  static final String LEGACY_ACTUATOR = "PERIKSA_LAB_LEGACY_ACTUATOR";
  static final String HARDENED_ACTUATOR = "PERIKSA_LAB_HARDENED_ACTUATOR";

  /** Tomcat's access log of the legacy application (not a secret: tests read it). */
  static final String LEGACY_ACTUATOR_ACCESS_LOG = "PERIKSA_LAB_LEGACY_ACTUATOR_ACCESS_LOG";

  /** The Strict-Transport-Security value the application sends, if set (the hardened twin). */
  static final String HSTS_PROPERTY = "lab.hsts";

  /** Where the application writes Tomcat's access log, if set. */
  static final String ACCESS_LOG_PROPERTY = "lab.access-log.directory";

  /** Tomcat logs through java.util.logging; held here so the levels set below are kept. */
  private static final List<java.util.logging.Logger> QUIET =
      java.util.stream.Stream.of("org.apache.catalina", "org.apache.coyote", "org.apache.tomcat")
          .map(java.util.logging.Logger::getLogger)
          .toList();

  private ConfigurableApplicationContext legacy;
  private ConfigurableApplicationContext hardened;
  private URI legacyUrl;
  private URI hardenedUrl;

  @Override
  public String name() {
    return "Spring Boot 3.5.7 actuator (embedded Tomcat)";
  }

  @Override
  public Map<String, String> start(LabContext ctx) throws Exception {
    // Without Boot's logging system, Tomcat would print its start-up lines on the console.
    QUIET.forEach(l -> l.setLevel(java.util.logging.Level.WARNING));
    Path logs = ctx.dir().resolve("actuator-legacy-logs");
    Map<String, Object> old = new LinkedHashMap<>();
    old.put("server.address", ctx.legacyHost());
    old.put("spring.application.name", "ehac-backoffice");
    old.put("management.endpoints.web.exposure.include", "*");
    // Boot 3.5 made the heap dump opt-in; old tutorials' settings still switch it on.
    old.put("management.endpoint.heapdump.access", "unrestricted");
    old.put(ACCESS_LOG_PROPERTY, logs.toString());
    // The application's own settings, as a legacy deployment keeps them in application.properties.
    old.put("spring.datasource.url", "jdbc:postgresql://db.ehac.lab:5432/ehac");
    old.put("spring.datasource.username", "ehac_app");
    old.put("spring.datasource.password", ctx.secret("actuator-datasource-password"));
    old.put("ehac.jwt.secret", ctx.secret("actuator-jwt-secret"));
    old.put("ehac.export.directory", "/srv/ehac/exports");
    legacy = run(old, null);

    char[] pass = ctx.secret("actuator-keystore").toCharArray();
    KeyStore ks = ctx.serverKeyStore("hardened.ehac.lab", ctx.hardenedHost(), pass);
    Map<String, Object> safe = new LinkedHashMap<>();
    safe.put("server.address", ctx.hardenedHost());
    safe.put("spring.application.name", "ehac-backoffice");
    safe.put("server.ssl.bundle", "lab");
    safe.put("server.ssl.enabled", "true");
    safe.put(HSTS_PROPERTY, "max-age=31536000; includeSubDomains");
    SslBundle bundle =
        SslBundle.of(
            SslStoreBundle.of(ks, new String(pass), null),
            SslBundleKey.of(new String(pass), "server"),
            SslOptions.of(null, Set.of("TLSv1.3", "TLSv1.2")));
    hardened = run(safe, bundle);

    legacyUrl = URI.create("http://" + ctx.legacyHost() + ":" + port(legacy));
    hardenedUrl = URI.create("https://" + ctx.hardenedHost() + ":" + port(hardened));
    Map<String, String> v = new LinkedHashMap<>();
    v.put(LEGACY_ACTUATOR, legacyUrl.toString());
    v.put(HARDENED_ACTUATOR, hardenedUrl.toString());
    v.put(LEGACY_ACTUATOR_ACCESS_LOG, logs.resolve("access.log").toString());
    return v;
  }

  private static ConfigurableApplicationContext run(Map<String, Object> props, SslBundle tls) {
    SpringApplication app = new SpringApplication(BackOffice.class);
    app.setWebApplicationType(WebApplicationType.SERVLET);
    app.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
    app.setLogStartupInfo(false);
    app.setRegisterShutdownHook(false);
    List<ApplicationListener<?>> listeners = new ArrayList<>();
    for (ApplicationListener<?> l : app.getListeners()) {
      if (!(l instanceof LoggingApplicationListener)) {
        listeners.add(l);
      }
    }
    app.setListeners(listeners);
    if (tls != null) {
      app.addInitializers(
          c ->
              c.getBeanFactory()
                  .registerSingleton(
                      "labSslBundle",
                      (SslBundleRegistrar) registry -> registry.registerBundle("lab", tls)));
    }
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("server.port", "0");
    // Only what this method sets: no application.properties from whatever is on the class path.
    all.put("spring.config.location", "optional:classpath:/periksa-lab-none/");
    all.putAll(props);
    app.setDefaultProperties(all);
    return app.run();
  }

  private static int port(ConfigurableApplicationContext c) {
    return ((WebServerApplicationContext) c).getWebServer().getPort();
  }

  /** The back office application: one status route, plus whatever the actuator publishes. */
  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration({
    PropertyPlaceholderAutoConfiguration.class,
    SslAutoConfiguration.class,
    ServletWebServerFactoryAutoConfiguration.class,
    DispatcherServletAutoConfiguration.class,
    WebMvcAutoConfiguration.class,
    ErrorMvcAutoConfiguration.class,
    HttpMessageConvertersAutoConfiguration.class,
    JacksonAutoConfiguration.class,
    EndpointAutoConfiguration.class,
    WebEndpointAutoConfiguration.class,
    ManagementContextAutoConfiguration.class,
    ServletManagementContextAutoConfiguration.class,
    HealthContributorAutoConfiguration.class,
    HealthEndpointAutoConfiguration.class,
    InfoEndpointAutoConfiguration.class,
    EnvironmentEndpointAutoConfiguration.class,
    ConfigurationPropertiesReportEndpointAutoConfiguration.class,
    BeansEndpointAutoConfiguration.class,
    MappingsEndpointAutoConfiguration.class,
    ThreadDumpEndpointAutoConfiguration.class,
    HeapDumpWebEndpointAutoConfiguration.class
  })
  static class BackOffice {
    @Bean
    Status status() {
      return new Status();
    }

    /** HSTS on every reply when the lab asks for it, as a Spring Security deployment sends it. */
    @Bean
    jakarta.servlet.Filter hsts(Environment env) {
      String value = env.getProperty(HSTS_PROPERTY);
      return (request, response, chain) -> {
        if (value != null && response instanceof jakarta.servlet.http.HttpServletResponse h) {
          h.setHeader("Strict-Transport-Security", value);
        }
        chain.doFilter(request, response);
      };
    }

    /**
     * Tomcat's own access log, when the lab asks for one. Set on the factory rather than through
     * Boot's server.tomcat.accesslog.* properties: those come with Boot's customizers for every
     * embedded server it finds on the class path (Jetty among them), which this lab shares.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> accessLog(Environment env) {
      return factory -> {
        String dir = env.getProperty(ACCESS_LOG_PROPERTY);
        if (dir == null) {
          return;
        }
        AccessLogValve valve = new AccessLogValve();
        valve.setDirectory(dir);
        valve.setPrefix("access");
        valve.setSuffix(".log");
        valve.setFileDateFormat("");
        valve.setRotatable(false);
        valve.setBuffered(false);
        // Request line, status, body bytes sent, and the Range header asked for.
        valve.setPattern("%r %s %b \"%{Range}i\"");
        factory.addEngineValves(valve);
      };
    }
  }

  /** The application's one route of its own. */
  @RestController
  static class Status {
    @GetMapping("/api/status")
    Map<String, String> status() {
      return Map.of("service", "ehac-backoffice", "status", "UP");
    }
  }

  @Override
  public List<String> describe() {
    return List.of(
        "legacy   actuator " + legacyUrl + "  (Spring Boot, every actuator endpoint exposed)",
        "hardened actuator " + hardenedUrl + "  (Spring Boot over HTTPS, health only)");
  }

  @Override
  public void close() {
    try {
      if (hardened != null) {
        hardened.close();
      }
    } finally {
      if (legacy != null) {
        legacy.close();
      }
    }
  }
}
