package dev.periksa.pii.gate;

import dev.periksa.pii.corpus.Sample;
import java.util.ArrayList;
import java.util.List;

/**
 * The frozen held-out gate corpus: 3,000 labelled documents on which the personal-data detectors
 * are scored. It was written independently of the detectors and of the development corpus, from the
 * shapes of real Indonesian health-sector documents, and is generated from a fixed seed: {@link
 * java.util.Random} only, no clock, locale, hash order or platform dependence. Its hash is frozen
 * in {@code GateCorpusTest}; it must not change.
 *
 * <p>Fifteen formats, 200 documents each, every format with three to six templates used in turn:
 * {@code letter}, {@code html-table}, {@code html-dl}, {@code log}, {@code hl7}, {@code fhir-json},
 * {@code fhir-xml}, {@code xml}, {@code csv}, {@code vclaim-json}, {@code chat}, {@code ktp-ocr},
 * {@code sql}, {@code email}, {@code yaml}. About a quarter of the documents are in English, the
 * rest in Indonesian. Ids are {@code <format>-<template>-<nnnn>}, numbered within the format.
 *
 * <h2>Span convention</h2>
 *
 * <p>Every label is a {@code [start, end)} span of UTF-16 chars of the text and covers exactly the
 * value: never surrounding quotes, brackets, spaces or punctuation. Labels never overlap. Every
 * occurrence of a personal value of a labelled type is labelled, each time it occurs (a value
 * repeated in an HTML {@code href}, a quoted e-mail reply or a JSON {@code raw_text} is labelled
 * again). Anything not labelled is not personal data of a labelled type.
 *
 * <ul>
 *   <li><b>NAME</b>: a person's name (patients, family members, doctors, nurses, staff, officials,
 *       account holders) without honorifics or titles ({@code Tn. Ny. Nn. Bpk. Ibu Bu Pak Mas Mbak
 *       Kak Bang Sdr. Sdri. An. dr. Dr. drg. Prof. H. Hj. Ns. Drs. Mr. Ms.}) and without degrees
 *       after a comma ({@code , S.Kep}, {@code , Sp.PD}, {@code , M.Kes}). Birth-order names
 *       ({@code I Wayan}, {@code Ni Luh}), {@code Andi} and {@code bin}/{@code Bin} belong to the
 *       name. A surname alone ("Dear Dr. Whitaker", "Mr. Bennett") and a chat nickname ("Wulan
 *       IGD": {@code Wulan}) are names. HL7 {@code FAMILY^GIVEN} (PID-5, NK1-2, IN1-16, and the
 *       family/given components of an XCN) is one span including the {@code ^}. Where a name is
 *       split into separate fields (FHIR {@code family} and {@code given}), each field is a span.
 *       Names inside institution or street names ({@code RSUD dr. Iskandar Wiryo}, {@code Jl. Dr.
 *       Wahidin}) are not NAME.
 *   <li><b>ADDRESS</b>: the street part of a person's home address only: from the street word
 *       ({@code Jl.}, {@code Jl}, {@code Jalan}, {@code Gg.}, {@code Gang}, {@code Komp.}, {@code
 *       Perum.}, {@code Dusun}, any case) through house number or block, and RT/RW when written in
 *       the same run of text. Not the kelurahan, kecamatan, city, province or postcode, and not an
 *       RT/RW written in its own field or line (KTP {@code RT/RW}, FHIR {@code rt} extension, XML
 *       {@code <RT>}). Addresses of hospitals, clinics, labs, insurers and companies are never
 *       labelled.
 *   <li><b>BIRTH_DATE</b>: the date of birth only, in whatever format ({@code 12-03-1987}, {@code
 *       12 Maret 1987}, {@code 1987-03-12}, {@code 19870312}, {@code March 12, 1987}); not the
 *       place, not a time part ({@code 1987-03-12 00:00:00}: only the date). Visit, sample,
 *       admission, discharge, issue and registration dates are not labelled, nor dates inside
 *       identifiers (NIP, NIK, family-card number).
 *   <li><b>TEST_RESULT</b>: a person's qualitative test outcome (positive/negative, reactive/non
 *       reactive, detected/not detected, in Indonesian or English). When the test name and the
 *       outcome are written together ({@code rapid test antibodi non-reaktif}, {@code Swab PCR
 *       SARS-CoV-2: POSITIF}, {@code NS1 dengue positif}), the span is the test name with the
 *       outcome; where the outcome stands alone in a result cell or field ({@code
 *       <td>Positif</td>}, {@code "hasil":"Negatif"}, HL7 OBX-5, FHIR {@code valueCodeableConcept}
 *       display and text), the outcome alone. Reference values and reference-range columns ("Nilai
 *       rujukan: Negatif", OBX-7, FHIR {@code referenceRange}), general sentences ("hasil negatif
 *       palsu", "false positive rate", "kontrol positif"), CSS classes, and quantitative
 *       measurements and vital signs ({@code Hemoglobin 12.4 g/dL}) are not labelled.
 *   <li><b>DIAGNOSIS</b>: the ICD-10 code only ({@code U07.1}, {@code A91}, {@code J18.9}), each
 *       code of a list ({@code A91#E11.9}) separately; never its description. ICD-9-CM procedure
 *       codes ({@code 99.04}) and INA-CBG groups ({@code A-4-10-I}) are not labelled.
 *   <li><b>NIK</b>: 16 digits, written without separators, with valid structure: real province code
 *       (11-94), regency, district, DDMMYY birth date (day + 40 for women), serial from 0001. A
 *       family-card (KK) number has the same shape but is not a NIK and is not labelled; neither
 *       are 16-digit transaction ids and virtual-account numbers.
 *   <li><b>NPWP</b>: a person's tax number, 15 digits dotted {@code 99.999.999.9-999.999} (or bare)
 *       or 16 digits. Company and institution NPWPs (starting 00-03) are not labelled.
 *   <li><b>BPJS</b>: a 13-digit JKN-KIS card number starting {@code 000}, written without
 *       separators, labelled wherever it occurs, also with no label word near. SEP, referral and
 *       visit numbers are not labelled.
 *   <li><b>BANK_ACCOUNT</b>: an Indonesian account number (10-16 digits, as written, with or
 *       without dashes) of a person; <b>IBAN</b> (rare): a foreign IBAN as written, compact or
 *       grouped by four. Virtual-account numbers are not labelled.
 *   <li><b>PASSPORT</b>: Indonesian (one letter and seven digits) or foreign (US, GB, DE, NL, AU,
 *       JP, IN, MY, FR formats) passport numbers.
 *   <li><b>PHONE</b>: a person's phone number as written ({@code 0812-3456-7890}, {@code
 *       +6281234567890}, {@code 62812...}, {@code +62 812 3456 7890}, foreign mobiles); phone and
 *       fax numbers of institutions and hotlines are not labelled.
 *   <li><b>EMAIL</b>: a personal mailbox, including a staff member's named mailbox at their
 *       institution ({@code ratna.kusumawati@rs...}); role mailboxes ({@code info@}, {@code
 *       klaim@}, {@code humas@}, {@code admin@}, {@code cs@}, {@code noreply@}, {@code lab@} ...)
 *       are not labelled.
 *   <li><b>MEDICAL_RECORD_NUMBER</b>: as written ({@code RM-0012345}, {@code 00-12-34-56}, {@code
 *       RM.2023.0001234}, {@code 012345}), also inside URLs. Lab, registration, order, invoice,
 *       accession and SEP numbers are not labelled.
 *   <li><b>PAYMENT_CARD</b>: a full Luhn-valid card number as written (spaces or dashes kept);
 *       masked numbers ({@code 411111******1111}) are not labelled.
 *   <li><b>JWT</b>: the whole {@code header.payload.signature} token. <b>SSN</b> (rare, English
 *       documents of US citizens): {@code 123-45-6789}.
 * </ul>
 *
 * <p>Other negatives present on purpose: order, invoice, claim, policy, lab and registration
 * numbers; product codes in a {@code kode_produk} column (some shaped like phone numbers, some like
 * 13-digit barcodes); instrument serial numbers; civil-servant NIPs (which embed a birth date);
 * family-card (KK) numbers; 16-digit transaction ids and virtual accounts; SEP, referral and
 * facility BPJS provider codes; masked card numbers; e-mail Message-IDs; the HL7 coding-system name
 * {@code I10} in DG1; hospital addresses, phones and NPWPs; role mailboxes; reference ranges; ICD
 * descriptions; visit, sample and issue dates.
 *
 * <p>Quantitative results are deliberately not TEST_RESULT: the type is scored on qualitative
 * outcomes only, and a number in a result cell is indistinguishable from any other number.
 */
public final class GateCorpus {
  private GateCorpus() {}

  /** The corpus seed: never change it. */
  static final long SEED = 0x6A7E_C0DE_2025_0014L;

  static final int PER_FORMAT = 200;

  /** A template: writes one document. */
  interface Body {
    void write(GateRng r, GateText g);
  }

  /** A template of a format, in Indonesian or English. */
  record Form(String name, boolean english, Body body) {}

  /** A format and its templates. */
  record Format(String name, List<Form> forms) {}

  private static Form id(String name, Body body) {
    return new Form(name, false, body);
  }

  private static Form en(String name, Body body) {
    return new Form(name, true, body);
  }

  static final List<Format> FORMATS =
      List.of(
          new Format(
              "letter",
              List.of(
                  id("rujukan", GateLetters::rujukan),
                  id("sehat", GateLetters::sehat),
                  en("referral", GateLetters::referralEn),
                  id("resume", GateLetters::resume),
                  id("swab", GateLetters::hasilSwab),
                  en("discharge", GateLetters::dischargeEn))),
          new Format(
              "html-table",
              List.of(
                  id("lab", GateHtml::labId),
                  en("labreport", GateHtml::labEn),
                  id("pasien", GateHtml::patientList),
                  id("tagihan", GateHtml::billing))),
          new Format(
              "html-dl",
              List.of(
                  id("profil", GateHtml::profileDl),
                  en("travel", GateHtml::travelDl),
                  id("klaim", GateHtml::claimDl),
                  id("banner", GateHtml::headerSpans))),
          new Format(
              "log",
              List.of(
                  id("kv", GateLogs::keyValue),
                  id("json", GateLogs::jsonPayload),
                  en("access", GateLogs::access),
                  en("billing", GateLogs::billing))),
          new Format(
              "hl7",
              List.of(
                  id("adt-a01", GateHl7::adtA01),
                  id("oru-r01", GateHl7::oruR01),
                  id("adt-a08", GateHl7::adtA08))),
          new Format(
              "fhir-json",
              List.of(
                  id("patient", GateFhir::patientJson),
                  id("observation", GateFhir::observationJson),
                  id("condition", GateFhir::conditionJson),
                  en("bundle", GateFhir::bundleJson))),
          new Format(
              "fhir-xml",
              List.of(
                  id("patient", GateFhir::patientXml),
                  id("bundle", GateFhir::bundleXml),
                  en("intl", GateFhir::foreignXml))),
          new Format(
              "xml",
              List.of(
                  id("simrs", GateXml::simrsExport),
                  id("lis", GateXml::lisResult),
                  id("eklaim", GateXml::eklaim),
                  en("soap", GateXml::soapEligibility))),
          new Format(
              "csv",
              List.of(
                  id("pasien", GateCsv::patients),
                  id("lab", GateCsv::labResults),
                  id("pesanan", GateCsv::orders),
                  en("vaccination", GateCsv::vaccinationEn))),
          new Format(
              "vclaim-json",
              List.of(
                  id("peserta", GateVclaim::peserta),
                  id("sep", GateVclaim::sep),
                  id("rujukan", GateVclaim::rujukan),
                  id("histori", GateVclaim::histori))),
          new Format(
              "chat",
              List.of(
                  id("igd", GateChat::igd),
                  en("intl", GateChat::intlEn),
                  id("refund", GateChat::refund))),
          new Format(
              "ktp-ocr",
              List.of(
                  id("ktp", GateKtp::ktpText), id("api", GateKtp::ktpJson), id("kk", GateKtp::kk))),
          new Format(
              "sql",
              List.of(
                  id("pasien", GateSql::pasien),
                  id("lab", GateSql::hasilLab),
                  id("transaksi", GateSql::transaksi),
                  en("intl", GateSql::patientsEn))),
          new Format(
              "email",
              List.of(
                  id("rujukan", GateEmail::rujukanId),
                  en("results", GateEmail::resultsEn),
                  id("pengaduan", GateEmail::pengaduanId),
                  en("claim", GateEmail::claimEn))),
          new Format(
              "yaml",
              List.of(
                  id("fixture", GateYaml::fixtureId),
                  id("config", GateYaml::configId),
                  en("fixture-en", GateYaml::fixtureEn))));

  /** The 3,000 documents, in a fixed order. */
  public static List<Sample> generate() {
    List<Sample> samples = new ArrayList<>(FORMATS.size() * PER_FORMAT);
    for (int f = 0; f < FORMATS.size(); f++) {
      Format format = FORMATS.get(f);
      for (int i = 0; i < PER_FORMAT; i++) {
        Form form = format.forms().get(i % format.forms().size());
        GateRng r = new GateRng(GateRng.mix(SEED + 1_000_003L * (f + 1) + i));
        GateText g = new GateText();
        form.body().write(r, g);
        String id = format.name() + "-" + form.name() + "-" + GateValues.pad(i + 1, 4);
        samples.add(g.sample(id, format.name()));
      }
    }
    return List.copyOf(samples);
  }

  /** Whether the template a sample was written from is in English. */
  public static boolean english(Sample s) {
    for (Format format : FORMATS) {
      if (format.name().equals(s.format())) {
        for (Form form : format.forms()) {
          if (s.id()
              .equals(format.name() + "-" + form.name() + s.id().substring(s.id().length() - 5))) {
            return form.english();
          }
        }
      }
    }
    return false;
  }
}
