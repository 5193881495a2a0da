package dev.periksa.check.storage;

import com.google.auto.service.AutoService;
import dev.periksa.check.Check;
import dev.periksa.check.CheckMetadata;
import dev.periksa.check.CheckResult;
import dev.periksa.check.EndpointCheck;
import dev.periksa.check.TargetContext;
import dev.periksa.probe.ProbeResponse;
import dev.periksa.product.S3Replies;
import dev.periksa.product.SafeXml;
import dev.periksa.product.StoreError;
import dev.periksa.target.Endpoint;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * STO-2 for Azure Blob Storage: does a declared container list or serve its blobs to a stranger
 * (anonymous access level "container" or "blob")?
 *
 * <p>Listing is List Blobs ({@code GET /CONTAINER?restype=container&comp=list}, an {@code
 * EnumerationResults} document naming the container); blobs are read with a byte range. A protected
 * container answers Azure's {@code Error} document: {@code 409 PublicAccessNotPermitted} when the
 * account forbids anonymous access, {@code 404 ResourceNotFound} for a private container, {@code
 * 401}/{@code 403} authentication errors; each passes. Two signals are needed for a FAIL (see
 * {@link BucketExposure}). Declare the account's blob endpoint ({@code
 * https://ACCOUNT.blob.core.windows.net}, or Azurite's {@code http://HOST:10000/devstoreaccount1})
 * with the container names as resources.
 *
 * <p>Limitation: no Azure Blob Storage server (nor Azurite, an npm package outside this Java
 * project's toolchain) runs in the lab, so the parser is proven on replies copied from Microsoft's
 * public REST documentation and the check's wiring against a local HTTP server that serves those
 * documented replies; it has not been run against the real service.
 */
@AutoService(Check.class)
public final class AzureBlobExposureCheck extends EndpointCheck {

  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "STO-2.azure-blob",
          "Azure Blob Storage containers refuse anonymous listing and reads",
          "Azure Blob Storage",
          List.of("STO-2"),
          List.of("azure-blob"),
          List.of(284, 359, 732),
          "Set the container's anonymous access level to private and disallow anonymous (blob"
              + " public) access on the storage account, serve exports through short-lived SAS"
              + " tokens or Entra ID, and treat what was reachable as a personal-data breach:"
              + " assess it and notify as the law requires (UU PDP: within 3x24 hours; GDPR Art."
              + " 33: 72 hours).");

  static final StoreDialect DIALECT = new AzureDialect();

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  protected void probe(TargetContext ctx, Endpoint e, CheckResult.Builder result) {
    BucketExposure.probeDeclared(ctx, e, DIALECT, METADATA, result);
  }

  /** Blob service REST API, version 2020-10-02 (names and sizes in the modern format). */
  static final class AzureDialect implements StoreDialect {
    static final int MAX_RESULTS = 200;
    static final String VERSION = "2020-10-02";

    /** Error codes with which Azure refuses an anonymous caller. */
    static final Set<String> REFUSALS =
        Set.of(
            "PublicAccessNotPermitted",
            "ResourceNotFound",
            "NoAuthenticationInformation",
            "AuthenticationFailed",
            "AuthorizationFailure",
            "AuthorizationPermissionMismatch",
            "InsufficientAccountPermissions");

    @Override
    public String product() {
      return "Azure Blob Storage";
    }

    @Override
    public String bucketWord() {
      return "container";
    }

    @Override
    public Map<String, String> headers() {
      return Map.of("x-ms-version", VERSION);
    }

    @Override
    public Listed list(TargetContext ctx, URI base, String container) {
      ProbeResponse r =
          ctx.http()
              .get(
                  StoreUrls.at(
                      base,
                      "/" + StoreUrls.segment(container),
                      "restype=container&comp=list&maxresults=" + MAX_RESULTS),
                  headers());
      return new Listed(
          r, r.isSuccess() ? StoreReplies.azureListing(r.body(), container) : Optional.empty());
    }

    @Override
    public boolean looksLikeListing(ProbeResponse r) {
      return r.isSuccess()
          && SafeXml.rootName(r.body()).map("EnumerationResults"::equals).orElse(false);
    }

    @Override
    public URI objectUrl(URI base, ObjectListing listing, String key) {
      return StoreUrls.at(
          base, "/" + StoreUrls.segment(listing.bucket()) + "/" + StoreUrls.key(key), null);
    }

    @Override
    public Optional<StoreError> error(ProbeResponse r) {
      return S3Replies.error(r.reply());
    }

    @Override
    public boolean isRefusal(ProbeResponse r, StoreError e) {
      return Set.of(401, 403, 404, 409).contains(r.status()) && REFUSALS.contains(e.code());
    }

    @Override
    public boolean isMissing(ProbeResponse r, StoreError e) {
      return r.status() == 404 && e.code().equals("ContainerNotFound");
    }
  }

  @Override
  public String proof() {
    return """
        Applies to: Azure Blob Storage, kind `azure-blob`. List Blobs `EnumerationResults` naming
        the container plus a ranged blob read; `PublicAccessNotPermitted`/`ResourceNotFound` pass;
        parsers proven on Microsoft's documented replies, no real Azure server in the tests
        """;
  }
}
