package dev.periksa.check.registry;

import dev.periksa.check.Check;
import dev.periksa.check.auth.CredentialTransportCheck;
import dev.periksa.check.auth.DefaultCredentialsCheck;
import dev.periksa.check.auth.ExcessiveDataExposureCheck;
import dev.periksa.check.auth.LoginThrottlingCheck;
import dev.periksa.check.auth.ObjectLevelAuthorizationCheck;
import dev.periksa.check.auth.TokenVerificationCheck;
import dev.periksa.check.auth.UnauthenticatedAccessCheck;
import dev.periksa.check.dast.DastScanCheck;
import dev.periksa.check.governance.BreachProcessCheck;
import dev.periksa.check.governance.SecurityContactCheck;
import dev.periksa.check.personaldata.ErrorEchoCheck;
import dev.periksa.check.personaldata.PersonalDataInUrlsCheck;
import dev.periksa.check.personaldata.PlainHttpPersonalDataCheck;
import dev.periksa.check.storage.AzureBlobExposureCheck;
import dev.periksa.check.storage.CouchDbExposureCheck;
import dev.periksa.check.storage.DicomDimseExposureCheck;
import dev.periksa.check.storage.DicomWebExposureCheck;
import dev.periksa.check.storage.FhirExposureCheck;
import dev.periksa.check.storage.FirebaseExposureCheck;
import dev.periksa.check.storage.GcsBucketExposureCheck;
import dev.periksa.check.storage.Hl7InterfaceExposureCheck;
import dev.periksa.check.storage.KibanaExposureCheck;
import dev.periksa.check.storage.MemcachedExposureCheck;
import dev.periksa.check.storage.MongoDbExposureCheck;
import dev.periksa.check.storage.MySqlExposureCheck;
import dev.periksa.check.storage.PostgresExposureCheck;
import dev.periksa.check.storage.RedisExposureCheck;
import dev.periksa.check.storage.S3BucketExposureCheck;
import dev.periksa.check.storage.SearchClusterExposureCheck;
import dev.periksa.check.storage.SolrExposureCheck;
import dev.periksa.check.storage.SpringActuatorCheck;
import dev.periksa.check.storage.WebServerFilesCheck;
import dev.periksa.check.transport.CertificateValidityCheck;
import dev.periksa.check.transport.HttpsEnforcedCheck;
import dev.periksa.check.transport.TlsVersionsCheck;
import java.util.List;
import java.util.Optional;

/**
 * Every check Periksa ships. Features name a check by requirement and product (a Scenario Outline
 * row), and tests cross-check checks, features and the catalogue through this list.
 */
public final class Checks {
  private Checks() {}

  public static List<Check> all() {
    return List.of(
        new SearchClusterExposureCheck(),
        new SolrExposureCheck(),
        new KibanaExposureCheck(),
        new MongoDbExposureCheck(),
        new RedisExposureCheck(),
        new MemcachedExposureCheck(),
        new FhirExposureCheck(),
        new DicomWebExposureCheck(),
        new Hl7InterfaceExposureCheck(),
        new DicomDimseExposureCheck(),
        new WebServerFilesCheck(),
        new SpringActuatorCheck(),
        new PostgresExposureCheck(),
        new MySqlExposureCheck(),
        new CouchDbExposureCheck(),
        new S3BucketExposureCheck(),
        new GcsBucketExposureCheck(),
        new AzureBlobExposureCheck(),
        new FirebaseExposureCheck(),
        new UnauthenticatedAccessCheck(),
        new DefaultCredentialsCheck(),
        new TokenVerificationCheck(),
        new LoginThrottlingCheck(),
        new CredentialTransportCheck(),
        new ObjectLevelAuthorizationCheck(),
        new ExcessiveDataExposureCheck(),
        new TlsVersionsCheck(),
        new CertificateValidityCheck(),
        new HttpsEnforcedCheck(),
        new PlainHttpPersonalDataCheck(),
        new PersonalDataInUrlsCheck(),
        new ErrorEchoCheck(),
        new DastScanCheck(),
        new SecurityContactCheck(),
        new BreachProcessCheck());
  }

  /** Every check that verifies a requirement for one product, as a feature names them. */
  public static List<Check> findAll(String requirement, String product) {
    return all().stream()
        .filter(c -> c.metadata().requirementIds().contains(requirement))
        .filter(c -> c.metadata().product().equalsIgnoreCase(product))
        .toList();
  }

  /** The check that verifies a requirement for one product, as a feature names them. */
  public static Optional<Check> find(String requirement, String product) {
    return all().stream()
        .filter(c -> c.metadata().requirementIds().contains(requirement))
        .filter(c -> c.metadata().product().equalsIgnoreCase(product))
        .findFirst();
  }
}
