package dev.periksa.lab;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.BlobAccess;
import org.jclouds.blobstore.domain.ContainerAccess;
import org.jclouds.blobstore.domain.MultipartUpload;
import org.jclouds.blobstore.options.CreateContainerOptions;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;
import org.jclouds.domain.Location;

/**
 * A real S3 API: s3proxy 2.6.0 (Jetty) in front of an in-memory jclouds blob store, on one loopback
 * address and a port chosen at bind time. It keeps a log of every write it carried out on behalf of
 * a client, so a test can prove what a scan did (or did not) change.
 */
public final class S3Server implements AutoCloseable {
  private final BlobStoreContext context;
  private final BlobStore store;
  private final S3Proxy proxy;
  private final URI url;
  private final List<String> writes = Collections.synchronizedList(new ArrayList<>());

  private S3Server(
      String host,
      int port,
      AuthenticationType auth,
      String accessKey,
      String secretKey,
      SSLContext tls)
      throws Exception {
    Properties props = new Properties();
    context =
        ContextBuilder.newBuilder("transient")
            .overrides(props)
            .credentials("lab", "lab")
            .build(BlobStoreContext.class);
    store = context.getBlobStore();
    S3Proxy.Builder b = S3Proxy.builder().blobStore(new WriteLog(store, writes));
    if (tls == null) {
      b.endpoint(URI.create("http://" + host + ":" + port));
    } else {
      b.secureEndpoint(URI.create("https://" + host + ":" + port)).sslContext(tls);
    }
    if (auth == AuthenticationType.NONE) {
      b.awsAuthentication(AuthenticationType.NONE, null, null);
    } else {
      b.awsAuthentication(auth, accessKey, secretKey);
    }
    proxy = b.jettyMaxThreads(16).build();
    try {
      proxy.start();
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (!"STARTED".equals(proxy.getState())) {
        if (System.nanoTime() > deadline) {
          throw new IOException("s3proxy did not start within 10 s: " + proxy.getState());
        }
        Thread.sleep(10);
      }
    } catch (Exception e) {
      closeQuietly();
      throw e;
    }
    int bound = tls == null ? proxy.getPort() : proxy.getSecurePort();
    url = URI.create((tls == null ? "http://" : "https://") + host + ":" + bound);
  }

  /** An S3 API that asks nobody for credentials: anyone may list, read and write. */
  public static S3Server anonymous(String host) throws Exception {
    return new S3Server(host, 0, AuthenticationType.NONE, null, null, null);
  }

  /**
   * An S3 API that demands AWS signatures (V2 or V4) with this key pair; anonymous requests get
   * only what a bucket's ACL makes public (nothing, for a private bucket).
   *
   * @param tls a server TLS context for HTTPS, or null for plain HTTP
   */
  public static S3Server withCredentials(
      String host, String accessKey, String secretKey, SSLContext tls) throws Exception {
    return withCredentials(host, 0, accessKey, secretKey, tls);
  }

  /** As {@link #withCredentials(String, String, String, SSLContext)}, on a given port (0: any). */
  public static S3Server withCredentials(
      String host, int port, String accessKey, String secretKey, SSLContext tls) throws Exception {
    return new S3Server(host, port, AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey, tls);
  }

  /** Creates a bucket directly in the store (not logged as a client write). */
  public void createBucket(String name, boolean publicRead) {
    store.createContainerInLocation(null, name);
    store.setContainerAccess(
        name, publicRead ? ContainerAccess.PUBLIC_READ : ContainerAccess.PRIVATE);
  }

  /** Stores an object directly (not logged as a client write). */
  public void put(String bucket, String key, byte[] body, String contentType, boolean publicRead) {
    Blob blob = store.blobBuilder(key).payload(body).contentType(contentType).build();
    store.putBlob(bucket, blob);
    store.setBlobAccess(bucket, key, publicRead ? BlobAccess.PUBLIC_READ : BlobAccess.PRIVATE);
  }

  /** Object keys in a bucket, straight from the store. */
  public List<String> keys(String bucket) {
    List<String> out = new ArrayList<>();
    store.list(bucket).forEach(m -> out.add(m.getName()));
    return out;
  }

  /** The service endpoint (path-style buckets below it). */
  public URI url() {
    return url;
  }

  /**
   * Every write a client made through the S3 API, in order, as {@code "operation bucket/key"} (e.g.
   * {@code "putBlob periksa-fixture/x.txt"}).
   */
  public List<String> writes() {
    synchronized (writes) {
      return List.copyOf(writes);
    }
  }

  @Override
  public void close() {
    closeQuietly();
  }

  private void closeQuietly() {
    try {
      proxy.stop();
    } catch (Exception e) {
      // Stopping anyway.
    } finally {
      context.close();
    }
  }

  /** Logs each write a client asks for, then lets the real store carry it out. */
  private static final class WriteLog extends ForwardingBlobStore {
    private final List<String> log;

    WriteLog(BlobStore delegate, List<String> log) {
      super(delegate);
      this.log = log;
    }

    @Override
    public boolean createContainerInLocation(Location location, String container) {
      log.add("createContainer " + container);
      return super.createContainerInLocation(location, container);
    }

    @Override
    public boolean createContainerInLocation(
        Location location, String container, CreateContainerOptions options) {
      log.add("createContainer " + container);
      return super.createContainerInLocation(location, container, options);
    }

    @Override
    public void deleteContainer(String container) {
      log.add("deleteContainer " + container);
      super.deleteContainer(container);
    }

    @Override
    public boolean deleteContainerIfEmpty(String container) {
      log.add("deleteContainer " + container);
      return super.deleteContainerIfEmpty(container);
    }

    @Override
    public void setContainerAccess(String container, ContainerAccess access) {
      log.add("setContainerAccess " + container);
      super.setContainerAccess(container, access);
    }

    @Override
    public String putBlob(String container, Blob blob) {
      log.add("putBlob " + container + "/" + blob.getMetadata().getName());
      return super.putBlob(container, blob);
    }

    @Override
    public String putBlob(String container, Blob blob, PutOptions options) {
      log.add("putBlob " + container + "/" + blob.getMetadata().getName());
      return super.putBlob(container, blob, options);
    }

    @Override
    public void removeBlob(String container, String name) {
      log.add("removeBlob " + container + "/" + name);
      super.removeBlob(container, name);
    }

    @Override
    public void removeBlobs(String container, Iterable<String> names) {
      for (String n : names) {
        log.add("removeBlob " + container + "/" + n);
      }
      super.removeBlobs(container, names);
    }

    @Override
    public void setBlobAccess(String container, String name, BlobAccess access) {
      log.add("setBlobAccess " + container + "/" + name);
      super.setBlobAccess(container, name, access);
    }

    @Override
    public MultipartUpload initiateMultipartUpload(
        String container, org.jclouds.blobstore.domain.BlobMetadata metadata, PutOptions options) {
      log.add("initiateMultipartUpload " + container + "/" + metadata.getName());
      return super.initiateMultipartUpload(container, metadata, options);
    }

    @Override
    public String copyBlob(
        String fromContainer,
        String fromName,
        String toContainer,
        String toName,
        org.jclouds.blobstore.options.CopyOptions options) {
      log.add("copyBlob " + toContainer + "/" + toName);
      return super.copyBlob(fromContainer, fromName, toContainer, toName, options);
    }
  }
}
