package dev.periksa.testing;

/**
 * Replies copied from the products' public documentation (the source of each is named), for the
 * parsers' unit tests and for the local servers that stand in for products no lab server exists
 * for. Where a page gives only a format template, the template is filled in with its own
 * placeholder names and the deviation is said.
 */
public final class DocumentedReplies {
  private DocumentedReplies() {}

  /** Amazon S3 API Reference, ListObjects, "Sample Response" (bucket "bucket"). */
  public static final String S3_LIST_OBJECTS =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
          <Name>bucket</Name>
          <Prefix/>
          <Marker/>
          <MaxKeys>1000</MaxKeys>
          <IsTruncated>false</IsTruncated>
          <Contents>
              <Key>my-image.jpg</Key>
              <LastModified>2009-10-12T17:50:30.000Z</LastModified>
              <ETag>&quot;fba9dede5f27731c9771645a39863328&quot;</ETag>
              <Size>434234</Size>
              <StorageClass>STANDARD</StorageClass>
              <Owner>
                  <ID>75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a</ID>
                  <DisplayName>mtd@amazon.com</DisplayName>
              </Owner>
          </Contents>
          <Contents>
             <Key>my-third-image.jpg</Key>
               <LastModified>2009-10-12T17:50:30.000Z</LastModified>
              <ETag>&quot;1b2cf535f27731c974343645a3985328&quot;</ETag>
              <Size>64994</Size>
              <StorageClass>STANDARD</StorageClass>
              <Owner>
                  <ID>75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a</ID>
                  <DisplayName>mtd@amazon.com</DisplayName>
              </Owner>
          </Contents>
      </ListBucketResult>
      """;

  /** Amazon S3 API Reference, ListBuckets, "Sample Response". */
  public static final String S3_LIST_BUCKETS =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01">
        <Owner>
          <ID>bcaf1ffd86f461ca5fb16fd081034f</ID>
          <DisplayName>webfile</DisplayName>
        </Owner>
        <Buckets>
          <Bucket>
            <Name>quotes</Name>
            <CreationDate>2006-02-03T16:45:09.000Z</CreationDate>
          </Bucket>
          <Bucket>
            <Name>samples</Name>
            <CreationDate>2006-02-03T16:41:58.000Z</CreationDate>
          </Bucket>
        </Buckets>
      </ListAllMyBucketsResult>
      """;

  /** Amazon S3 API Reference, "Error responses", the REST error response example. */
  public static final String S3_ACCESS_DENIED =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <Error>
        <Code>AccessDenied</Code>
        <Message>Access Denied</Message>
        <RequestId>656c76696e6727732072657175657374</RequestId>
        <HostId>Uuag1LuByRx9e6j5Onimru9pO4ZVKnJ2Qz7/C1NPcfTWAtRPfTaOFg==</HostId>
      </Error>
      """;

  /** Amazon S3 API Reference, "Error responses": the NoSuchBucket error in the same format. */
  public static final String S3_NO_SUCH_BUCKET =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <Error>
        <Code>NoSuchBucket</Code>
        <Message>The specified bucket does not exist</Message>
        <BucketName>periksa-invented</BucketName>
        <RequestId>4442587FB7D0A2F9</RequestId>
      </Error>
      """;

  /**
   * Cloud Storage XML API, "Request and response headers", the typical response to a bucket listing
   * (bucket travel-maps).
   */
  public static final String GCS_XML_LIST =
      """
      <?xml version='1.0' encoding='utf-8'?>
      <ListBucketResult xmlns='http://doc.storage.googleapis.com/2010-03-01'>
      <Name>travel-maps</Name>
      <Prefix>/europe/france/</Prefix>
      <StartAfter></StartAfter>
      <IsTruncated>false</IsTruncated>
      <Contents>
      <Key>europe/france/cannes.jpg</Key>
      <LastModified>2010-02-17T22:11:12.487Z</LastModified>
      <ETag>"53fc311c15eda0a031809982ccf92aac"</ETag>
      <Size>5061631</Size>
      <StorageClass>STANDARD</StorageClass>
      </Contents>
      <Contents>
      <Key>europe/france/paris.jpg</Key>
      <LastModified>2010-02-17T22:09:57.457Z</LastModified>
      <ETag>"53fc311c15eda0a031809982ccf92aac"</ETag>
      <Size>5061631</Size>
      <StorageClass>STANDARD</StorageClass>
      </Contents>
      </ListBucketResult>
      """;

  /**
   * Cloud Storage JSON API, Objects: list, "Response": {@code {"kind": "storage#objects",
   * "nextPageToken", "prefixes", "items": [objects resource]}}, with items in the documented
   * objects resource representation (kind, id, selfLink, mediaLink, name, bucket, generation,
   * metageneration, contentType, storageClass, size as a string, md5Hash, crc32c, etag,
   * timeCreated, updated). The page gives the format only; the values are the XML example's.
   */
  public static final String GCS_JSON_LIST =
      """
      {
        "kind": "storage#objects",
        "items": [
          {
            "kind": "storage#object",
            "id": "travel-maps/europe/france/cannes.jpg/1360887697105000",
            "selfLink": "https://www.googleapis.com/storage/v1/b/travel-maps/o/europe%2Ffrance%2Fcannes.jpg",
            "mediaLink": "https://storage.googleapis.com/download/storage/v1/b/travel-maps/o/europe%2Ffrance%2Fcannes.jpg?generation=1360887697105000&alt=media",
            "name": "europe/france/cannes.jpg",
            "bucket": "travel-maps",
            "generation": "1360887697105000",
            "metageneration": "1",
            "contentType": "image/jpeg",
            "storageClass": "STANDARD",
            "size": "5061631",
            "md5Hash": "U/wxHBXtoKMDGJmCzPkqrA==",
            "crc32c": "AAAAAA==",
            "etag": "CKih16GjycICEAE=",
            "timeCreated": "2010-02-17T22:11:12.487Z",
            "updated": "2010-02-17T22:11:12.487Z"
          },
          {
            "kind": "storage#object",
            "id": "travel-maps/europe/france/paris.jpg/1360887697105000",
            "name": "europe/france/paris.jpg",
            "bucket": "travel-maps",
            "generation": "1360887697105000",
            "metageneration": "1",
            "contentType": "image/jpeg",
            "storageClass": "STANDARD",
            "size": "5061631"
          }
        ]
      }
      """;

  /** Cloud Storage JSON API, "HTTP status and error codes", 401 Unauthorized example. */
  public static final String GCS_JSON_401 =
      """
      {
       "error": {
        "errors": [
         {
          "domain": "global",
          "reason": "required",
          "message": "Login Required",
          "locationType": "header",
          "location": "Authorization"
         }
        ],
        "code": 401,
        "message": "Login Required"
       }
      }
      """;

  /** Cloud Storage JSON API, "HTTP status and error codes", 404 Not Found example. */
  public static final String GCS_JSON_404 =
      """
      {
       "error": {
        "errors": [
         {
          "domain": "global",
          "reason": "notFound",
          "message": "Not Found"
         }
        ],
        "code": 404,
        "message": "Not Found"
       }
      }
      """;

  /**
   * Azure Storage REST API, "Listing Blob storage resources", "List blobs and snapshots" (the
   * pre-2013 format: ContainerName holds the container's URL).
   */
  public static final String AZURE_LIST_OLD =
      """
      <?xml version="1.0" encoding="utf-8"?>
      <EnumerationResults ContainerName="https://myaccount.blob.core.windows.net/mycontainer">
        <Blobs>
          <Blob>
            <Name>blob1.txt</Name>
            <Url>https://myaccount.blob.core.windows.net/mycontainer/blob1.txt</Url>
            <Properties>
              <Last-Modified>Wed, 09 Sep 2009 09:20:02 GMT</Last-Modified>
              <Etag>0x8CBFF45D8A29A19</Etag>
              <Content-Length>100</Content-Length>
              <Content-Type>text/html</Content-Type>
              <Content-Encoding />
              <Content-Language>en-US</Content-Language>
              <Content-MD5 />
              <Cache-Control>no-cache</Cache-Control>
              <BlobType>BlockBlob</BlobType>
              <LeaseStatus>unlocked</LeaseStatus>
            </Properties>
            <Metadata>
              <Color>blue</Color>
              <BlobNumber>01</BlobNumber>
              <SomeMetadataName>SomeMetadataValue</SomeMetadataName>
            </Metadata>
          </Blob>
          <Blob>
            <Name>blob3.txt</Name>
            <Url>https://myaccount.blob.core.windows.net/mycontainer/blob3.txt</Url>
            <Properties>
              <Last-Modified>Wed, 09 Sep 2009 09:20:03 GMT</Last-Modified>
              <Etag>0x8CBFF45D911FADF</Etag>
              <Content-Length>16384</Content-Length>
              <Content-Type>image/jpeg</Content-Type>
              <Content-Encoding />
              <Content-Language />
              <Content-MD5 />
              <Cache-Control />
              <x-ms-blob-sequence-number>3</x-ms-blob-sequence-number>
              <BlobType>PageBlob</BlobType>
              <LeaseStatus>locked</LeaseStatus>
            </Properties>
            <Metadata>
              <Color>yellow</Color>
              <BlobNumber>03</BlobNumber>
              <SomeMetadataName>SomeMetadataValue</SomeMetadataName>
            </Metadata>
          </Blob>
        </Blobs>
        <NextMarker />
      </EnumerationResults>
      """;

  /**
   * Azure Storage REST API, "Listing Blob storage resources", "List blobs with a delimiter", as
   * published: its first {@code Properties} element is never closed, so it is not well-formed XML.
   */
  public static final String AZURE_LIST_MALFORMED =
      """
      <?xml version="1.0" encoding="utf-8"?>
      <EnumerationResults ContainerName="https://myaccount.blob.core.windows.net/mycontainer">
        <MaxResults>4</MaxResults>
        <Blobs>
          <Blob>
            <Name>blob1.txt</Name>
            <Url>https://myaccount.blob.core.windows.net/mycontainer/blob1.txt</Url>
            <Properties>
              <Last-Modified>Sun, 27 Sep 2009 18:41:57 GMT</Last-Modified>
              <Etag>0x8CAE7D55D050B8B</Etag>
              <Content-Length>8</Content-Length>
              <Content-Type>text/html</Content-Type>
              <BlobType>BlockBlob</BlobType>
              <LeaseStatus>unlocked</LeaseStatus>
            <Properties>
          </Blob>
          <BlobPrefix>
            <Name>myfolder/</Name>
          </BlobPrefix>
        </Blobs>
        <NextMarker>newblob2.txt</NextMarker>
      </EnumerationResults>
      """;

  /**
   * Azure Storage REST API, List Blobs, "Response body" (version 2013-08-15 and later: {@code
   * ServiceEndpoint} plus {@code ContainerName="mycontainer"}). The page gives a template; it is
   * filled with its own placeholder names, the template's typo {@code </name>} corrected.
   */
  public static final String AZURE_LIST_MODERN =
      """
      <?xml version="1.0" encoding="utf-8"?>
      <EnumerationResults ServiceEndpoint="http://myaccount.blob.core.windows.net/"  ContainerName="mycontainer">
        <MaxResults>200</MaxResults>
        <Blobs>
          <Blob>
            <Name>blob-name</Name>
            <Properties>
              <Creation-Time>Wed, 09 Sep 2009 09:20:02 GMT</Creation-Time>
              <Last-Modified>Wed, 09 Sep 2009 09:20:02 GMT</Last-Modified>
              <Etag>0x8CBFF45D8A29A19</Etag>
              <Content-Length>100</Content-Length>
              <Content-Type>text/plain</Content-Type>
              <Content-Encoding />
              <Content-Language />
              <Content-MD5 />
              <Cache-Control />
              <BlobType>BlockBlob</BlobType>
              <AccessTier>Hot</AccessTier>
              <LeaseStatus>unlocked</LeaseStatus>
              <LeaseState>available</LeaseState>
              <ServerEncrypted>true</ServerEncrypted>
            </Properties>
          </Blob>
          <BlobPrefix>
            <Name>blob-prefix</Name>
          </BlobPrefix>
        </Blobs>
        <NextMarker />
      </EnumerationResults>
      """;

  /**
   * Azure Blob Storage's error document (REST API "Status and error codes"), with the code and
   * message Azure documents for anonymous requests to an account that disallows them.
   */
  public static final String AZURE_PUBLIC_ACCESS_NOT_PERMITTED =
      """
      <?xml version="1.0" encoding="utf-8"?>
      <Error>
        <Code>PublicAccessNotPermitted</Code>
        <Message>Public access is not permitted on this storage account.
      RequestId:fbba5b5f-a01e-0071-7a6a-4b5f3a000000
      Time:2023-09-23T21:04:18.0000000Z</Message>
      </Error>
      """;

  /** Azure's error document for a resource an anonymous caller may not see. */
  public static final String AZURE_RESOURCE_NOT_FOUND =
      """
      <?xml version="1.0" encoding="utf-8"?>
      <Error>
        <Code>ResourceNotFound</Code>
        <Message>The specified resource does not exist.
      RequestId:fbba5b5f-a01e-0071-7a6a-4b5f3a000001
      Time:2023-09-23T21:04:18.0000000Z</Message>
      </Error>
      """;

  /**
   * Firebase Realtime Database REST guide, "Sorting data": the dinosaur-facts sample database's
   * {@code /dinosaurs} node.
   */
  public static final String FIREBASE_DINOSAURS =
      """
      {
        "lambeosaurus": {
          "height" : 2.1,
          "length" : 12.5,
          "weight": 5000
        },
        "stegosaurus": {
          "height" : 4,
          "length" : 9,
          "weight" : 2500
        }
      }
      """;

  /**
   * Firebase REST reference, {@code shallow}: "If the data snapshot at the location is a JSON
   * object, the values for each key will be truncated to true" (dinosaur-facts root).
   */
  public static final String FIREBASE_SHALLOW_ROOT = "{\"dinosaurs\":true,\"scores\":true}";

  /** Firebase REST: what a read of a path that holds nothing returns (200). */
  public static final String FIREBASE_NULL = "null";

  /** Firebase REST reference, error conditions: 401 when security rules refuse the read. */
  public static final String FIREBASE_PERMISSION_DENIED =
      "{\n  \"error\" : \"Permission denied\"\n}\n";
}
