package dev.periksa.zap.rules;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the replies by which data stores say who they are and what they hold: the Elasticsearch /
 * OpenSearch root banner and index listing, S3 bucket and object listings, Solr's core status.
 * Pure: no ZAP type. Each parser wants the whole shape, not a word: a page that merely mentions
 * "You Know, for Search" or {@code ListBucketResult} is not a store.
 */
public final class DataStoreReplies {
  private static final JsonFactory JSON = new JsonFactory();
  private static final Pattern ALL_BUCKETS = Pattern.compile("<ListAllMyBucketsResult[\\s>]");
  private static final Pattern BUCKET_LISTING = Pattern.compile("<ListBucketResult[\\s>]");
  private static final Pattern BUCKET_NAME =
      Pattern.compile("<Bucket>\\s*<Name>([^<]{1,255})</Name>");
  private static final Pattern LISTING_NAME = Pattern.compile("<Name>([^<]{1,255})</Name>");
  private static final Pattern KEY = Pattern.compile("<Key>[^<]*</Key>");

  private DataStoreReplies() {}

  /** A search cluster's root banner: product, version, cluster name. */
  public record SearchBanner(String product, String version, String cluster) {
    public String describe() {
      return product + (version.isEmpty() ? "" : " " + version);
    }
  }

  /** An index listing: how many indices, and the documents they hold together. */
  public record Indices(int indices, long documents) {}

  /** Solr's core status: how many cores, and their documents. */
  public record Cores(int cores, long documents) {}

  /**
   * Whether a body is a store describing itself: a search banner or index listing, an S3 bucket or
   * object listing, or Solr's core status.
   */
  public static boolean selfDescription(String body) {
    return searchBanner(body).isPresent()
        || indices(body).isPresent()
        || buckets(body).isPresent()
        || objectKeys(body).isPresent()
        || cores(body).isPresent();
  }

  /**
   * The banner an Elasticsearch or OpenSearch root answers with: a JSON object naming a {@code
   * version.number}, with {@code version.distribution} "opensearch" (OpenSearch 2 has its own
   * tagline) or the tagline "You Know, for Search" (Elasticsearch, OpenSearch 1).
   */
  public static Optional<SearchBanner> searchBanner(String body) {
    if (body == null || !body.stripLeading().startsWith("{")) {
      return Optional.empty();
    }
    String tagline = null;
    String number = null;
    String distribution = null;
    String cluster = "";
    try (JsonParser p = JSON.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      JsonToken tok;
      while ((tok = p.nextToken()) != null && tok != JsonToken.END_OBJECT) {
        String field = p.currentName();
        tok = p.nextToken();
        if (tok == JsonToken.START_OBJECT && "version".equals(field)) {
          while ((tok = p.nextToken()) != null && tok != JsonToken.END_OBJECT) {
            String f = p.currentName();
            tok = p.nextToken();
            if ("number".equals(f) && tok == JsonToken.VALUE_STRING) {
              number = p.getText();
            } else if ("distribution".equals(f) && tok == JsonToken.VALUE_STRING) {
              distribution = p.getText();
            } else {
              p.skipChildren();
            }
          }
        } else if (tok == JsonToken.VALUE_STRING && "tagline".equals(field)) {
          tagline = p.getText();
        } else if (tok == JsonToken.VALUE_STRING && "cluster_name".equals(field)) {
          cluster = p.getText();
        } else {
          p.skipChildren();
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    if (number == null) {
      return Optional.empty();
    }
    if ("opensearch".equals(distribution)) {
      return Optional.of(new SearchBanner("OpenSearch", number, cluster));
    }
    if (tagline != null && tagline.contains("You Know, for Search")) {
      return Optional.of(new SearchBanner("Elasticsearch", number, cluster));
    }
    return Optional.empty();
  }

  /**
   * The reply of {@code _cat/indices?format=json}: a JSON array of objects, each naming an {@code
   * index}; {@code docs.count} is summed where given.
   */
  public static Optional<Indices> indices(String body) {
    if (body == null || !body.stripLeading().startsWith("[")) {
      return Optional.empty();
    }
    int indices = 0;
    long documents = 0;
    try (JsonParser p = JSON.createParser(body)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        return Optional.empty();
      }
      JsonToken tok;
      while ((tok = p.nextToken()) != null && tok != JsonToken.END_ARRAY) {
        if (tok != JsonToken.START_OBJECT) {
          return Optional.empty();
        }
        boolean named = false;
        while ((tok = p.nextToken()) != null && tok != JsonToken.END_OBJECT) {
          String f = p.currentName();
          tok = p.nextToken();
          if ("index".equals(f) && tok == JsonToken.VALUE_STRING) {
            named = true;
          } else if ("docs.count".equals(f) && tok.isScalarValue()) {
            documents += parseLong(p.getText());
          } else {
            p.skipChildren();
          }
        }
        if (!named) {
          return Optional.empty();
        }
        indices++;
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.of(new Indices(indices, documents));
  }

  /** The bucket names of an S3 {@code ListAllMyBucketsResult} (the service root's listing). */
  public static Optional<List<String>> buckets(String body) {
    if (body == null || !ALL_BUCKETS.matcher(body).find()) {
      return Optional.empty();
    }
    List<String> names = new ArrayList<>();
    Matcher m = BUCKET_NAME.matcher(body);
    while (m.find()) {
      names.add(m.group(1));
    }
    return Optional.of(names);
  }

  /** The number of object keys an S3 {@code ListBucketResult} (a bucket's listing) names. */
  public static Optional<Integer> objectKeys(String body) {
    if (body == null
        || !BUCKET_LISTING.matcher(body).find()
        || !LISTING_NAME.matcher(body).find()) {
      return Optional.empty();
    }
    Matcher m = KEY.matcher(body);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return Optional.of(n);
  }

  /**
   * Solr's {@code admin/cores?action=STATUS&wt=json} reply: an object with a {@code responseHeader}
   * and a {@code status} object of cores (documents from each {@code index.numDocs}).
   */
  public static Optional<Cores> cores(String body) {
    if (body == null || !body.stripLeading().startsWith("{")) {
      return Optional.empty();
    }
    boolean header = false;
    int cores = -1;
    long documents = 0;
    try (JsonParser p = JSON.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      JsonToken tok;
      while ((tok = p.nextToken()) != null && tok != JsonToken.END_OBJECT) {
        String field = p.currentName();
        tok = p.nextToken();
        if ("responseHeader".equals(field) && tok == JsonToken.START_OBJECT) {
          header = true;
          p.skipChildren();
        } else if ("status".equals(field) && tok == JsonToken.START_OBJECT) {
          cores = 0;
          while ((tok = p.nextToken()) != null && tok != JsonToken.END_OBJECT) {
            tok = p.nextToken();
            if (tok != JsonToken.START_OBJECT) {
              return Optional.empty();
            }
            cores++;
            documents += numDocs(p);
          }
        } else {
          p.skipChildren();
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    if (!header || cores < 0) {
      return Optional.empty();
    }
    return Optional.of(new Cores(cores, documents));
  }

  /** Reads one core's status object (the parser at its start) and returns its index.numDocs. */
  private static long numDocs(JsonParser p) throws IOException {
    long docs = 0;
    JsonToken tok;
    while ((tok = p.nextToken()) != null && tok != JsonToken.END_OBJECT) {
      String f = p.currentName();
      tok = p.nextToken();
      if ("index".equals(f) && tok == JsonToken.START_OBJECT) {
        while ((tok = p.nextToken()) != null && tok != JsonToken.END_OBJECT) {
          String g = p.currentName();
          tok = p.nextToken();
          if ("numDocs".equals(g) && tok.isScalarValue()) {
            docs = parseLong(p.getText());
          } else {
            p.skipChildren();
          }
        }
      } else {
        p.skipChildren();
      }
    }
    return docs;
  }

  private static long parseLong(String s) {
    try {
      return Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
