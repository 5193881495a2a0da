package dev.periksa.lab;

import java.util.List;
import java.util.Optional;

/**
 * The breach replay catalogue: public health-data leak classes, each reproduced by a legacy twin
 * that Periksa must catch and a hardened twin it must certify. The accounts are summaries written
 * for this catalogue from the sources each one lists.
 */
public final class Breaches {
  private Breaches() {}

  private static final List<Breach> ALL =
      List.of(
          new Breach(
              "ehac",
              "e-HAC: a national health-alert app's search cluster open to anyone",
              "2021 (found in July, closed on 24 August)",
              "About 1.4 million records of about 1.3 million users of the first version of"
                  + " Indonesia's e-HAC travel health-alert app: NIK and passport numbers, phone"
                  + " numbers, addresses, COVID-19 test results, and data of the hospitals and"
                  + " officials that used the app.",
              "The app's Elasticsearch cluster answered any HTTP client without authentication"
                  + " or encryption.",
              List.of(
                  "https://tekno.kompas.com/read/2021/08/31/19020037/kronologi-dugaan-kebocoran-data-13-juta-pengguna-aplikasi-e-hac",
                  "https://www.idntimes.com/news/indonesia/13-juta-data-pengguna-e-hac-bocor-ini-dampak-bagi-pengguna-00-h135j-h2ytjj"),
              List.of("STO-1"),
              "An OpenSearch node with synthetic e-HAC travellers answering anyone, against the"
                  + " same node behind HTTPS and a login on an internal address.",
              List.of(SearchLab::new)),
          new Breach(
              "pacs",
              "Open medical-image archives (PACS) over DICOM and the web",
              "2019 (surveyed from mid-July to early September)",
              "Of about 2,300 image archives reachable from the internet, 590 let anyone query"
                  + " them: about 24 million study records in 52 countries, with patient names,"
                  + " birth dates, examination dates and reasons, and over 700 million linked"
                  + " images.",
              "The archives accepted DICOM associations from any calling AE title (ports 104 and"
                  + " 11112) and answered queries; some also served a web viewer over plain"
                  + " HTTP.",
              List.of(
                  "https://www.auntminnieeurope.com/index.aspx?sec=sup&sub=pac&pag=dis&ItemID=617925",
                  "https://www.itnews.com.au/news/millions-of-australians-sensitive-medical-images-data-left-openly-accessible-531248"),
              List.of("STO-5"),
              "Orthanc with synthetic studies: DIMSE and DICOMweb open to anyone, against DIMSE"
                  + " that refuses unknown AE titles and DICOMweb behind a login.",
              List.of(DicomWebLab::new)),
          new Breach(
              "telehealth-mongodb",
              "A telemedicine provider's MongoDB open to anyone",
              "2018 (reported in August)",
              "Records of 2,373,764 patients of a public health system held by Hova Health, a"
                  + " Mexican telemedicine and health-IT company: full names, CURP identity"
                  + " codes, birth dates, addresses, insurance policy numbers, and flags for"
                  + " disability and migrant status.",
              "A MongoDB instance on the internet accepted sessions without credentials; it was"
                  + " found through an internet-wide search engine of open ports.",
              List.of(
                  "https://www.eleconomista.com.mx/tecnologia/Director-de-Hova-Health-confirma-exposicion-de-datos-medicos-de-2-millones-de-mexicanos-20180808-0038.html",
                  "https://mexicosalud.com/an-error-exposes-2-3-million-clinical-files/"),
              List.of("STO-3"),
              "mongo-java-server holding synthetic travellers, open to anyone, against one that"
                  + " refuses sessions without credentials.",
              List.of(MongoLab::new)),
          new Breach(
              "covid-bucket",
              "COVID-19 test results in a public cloud-storage bucket",
              "2023-2024 (found in late 2023, reported in January 2024)",
              "About 1.3 million records of Coronalab.eu, a Dutch COVID-19 test provider:"
                  + " certificates, appointments and test samples with names, nationalities,"
                  + " passport numbers, test results and e-mail addresses, including CSV"
                  + " exports.",
              "A cloud-storage bucket of the provider's production system could be listed and"
                  + " read without a password.",
              List.of(
                  "https://cybernews.com/security/coronalabeu-tests-leak-expose-patient-data/",
                  "https://securityexplore.com/medical-lab-database-exposed-1-3m-records-covid-test-info/"),
              List.of("STO-2"),
              "S3Proxy with CSV exports of synthetic travellers' test results in a bucket anyone"
                  + " may list and read, against a private bucket served over HTTPS to signed"
                  + " requests only.",
              List.of(ObjectStoreLab::new)),
          new Breach(
              "fhir-bola",
              "A FHIR aggregator API that lets one patient read another's records",
              "2021 (tested from March to September)",
              "Security research on FHIR APIs, published in October 2021 as \"Playing with"
                  + " FHIR\", reached over four million patient and clinician records with one"
                  + " patient's own login, through the clinical-data aggregators and third-party"
                  + " apps that copy records out of EHRs; the EHRs' own FHIR APIs held.",
              "A logged-in patient's valid token was accepted for other patients' record ids:"
                  + " the API checked who the caller was, never whose record it asked for"
                  + " (broken object-level authorization).",
              List.of(
                  "https://www.pulseitmagazine.com.au/blog/6315-fhir-storm-erupts-over-scary-vulnerabilities-in-third-party-apps",
                  "http://healthintersections.com.au/2021/10/13/security-vulnerabilities-in-fhir-implementations.html"),
              List.of("AUZ-1"),
              "HAPI FHIR over HTTPS with a token per patient account: any valid token reads any"
                  + " Patient, against one that serves each token its own records only.",
              List.of(FhirAggregatorLab::new)),
          new Breach(
              "hl7-interface",
              "A hospital's HL7 v2 interface engine that answers anyone",
              "a long-standing class, described in public security research (engines are"
                  + " indexed on port 2575 by internet scanners)",
              "Patient demographics, orders and results that hospital systems exchange as HL7 v2"
                  + " messages: whoever reaches an interface engine can query it for patients"
                  + " and feed it messages, and reads in clear what passes.",
              "MLLP, the framing HL7 v2 travels in, has neither authentication nor encryption;"
                  + " engines listen on TCP (2575 by convention) and answer any peer that can"
                  + " connect, unless wrapped in mutual TLS or a VPN.",
              List.of(
                  "https://linuxincluded.com/hl7-medical-fundamental-flaw/",
                  "https://linuxincluded.com/hl7-medical-attacking-defending/",
                  "https://scansearch.net/en/resources/services/hl7"),
              List.of("STO-6"),
              "HAPI's MLLP listener answering a patient query from anyone in clear, against the"
                  + " same engine on an internal address behind a relay that demands a client"
                  + " certificate of the lab's CA (mutual TLS).",
              List.of(Hl7Lab::new)),
          new Breach(
              "kibana",
              "A Kibana console open to anyone over a cluster of patient data",
              "2019 onward (a recurring class)",
              "Search clusters of patient data have been found open again and again (in 2019,"
                  + " seven of nine exposed medical databases in one survey were Elasticsearch"
                  + " servers); Kibana is the console usually deployed in front of them, and"
                  + " without security it hands anyone Discover and the Dev Tools console over"
                  + " every index its service account reads.",
              "Kibana listening on the internet with security off (Elastic's default before"
                  + " version 8): its API and console answer without a login.",
              List.of(
                  "https://www.hipaajournal.com/sensitive-data-of-millions-of-patients-discovered-to-be-freely-accessible-over-the-internet/",
                  "http://korchek.com/blog/9-unsecured-medical-databases-found-leaking-sensitive-patient-data/"),
              List.of("STO-1"),
              "A console that speaks Kibana's documented API (no Kibana can run here) over a real"
                  + " OpenSearch cluster of synthetic travellers: open, against one behind HTTPS"
                  + " and a login.",
              List.of(KibanaLab::new)));

  /** Every breach of the catalogue, in the order {@code periksa breaches} lists them. */
  public static List<Breach> all() {
    return ALL;
  }

  public static Optional<Breach> named(String name) {
    return ALL.stream().filter(b -> b.name().equals(name)).findFirst();
  }

  /** The names, for messages. */
  public static List<String> names() {
    return ALL.stream().map(Breach::name).toList();
  }
}
