package dev.periksa.pii.corpus;

import static dev.periksa.pii.PiiType.ADDRESS;
import static dev.periksa.pii.PiiType.BIRTH_DATE;
import static dev.periksa.pii.PiiType.BPJS;
import static dev.periksa.pii.PiiType.DIAGNOSIS;
import static dev.periksa.pii.PiiType.EMAIL;
import static dev.periksa.pii.PiiType.IBAN;
import static dev.periksa.pii.PiiType.MEDICAL_RECORD_NUMBER;
import static dev.periksa.pii.PiiType.NAME;
import static dev.periksa.pii.PiiType.NIK;
import static dev.periksa.pii.PiiType.PASSPORT;
import static dev.periksa.pii.PiiType.PAYMENT_CARD;
import static dev.periksa.pii.PiiType.PHONE;
import static dev.periksa.pii.PiiType.SSN;
import static dev.periksa.pii.PiiType.TEST_RESULT;

import dev.periksa.pii.PiiType;
import dev.periksa.pii.corpus.Doc.Part;
import dev.periksa.pii.corpus.Json.Arr;
import dev.periksa.pii.corpus.Json.Obj;
import dev.periksa.pii.corpus.Json.Str;
import dev.periksa.pii.corpus.Synth.Person;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A deterministic labelled corpus of health records: e-HAC travellers, hospital (SIMRS) records,
 * FHIR bundles, international patient exports, payments, CSV exports, DICOM JSON, clinical notes,
 * messages and server logs, HL7 v2 messages and SQL dumps, in Indonesian and English, with the
 * look-alikes real systems carry (order and invoice numbers, timestamps, epoch millis, versions,
 * ISBNs, UUIDs, hashes, coordinates, prices, NIK-shaped card numbers and Luhn-passing NIKs).
 *
 * <p>Labelling convention: a labelled span is the value itself (quotes, labels and surrounding
 * words excluded). In a structured field the value is the whole field for names and addresses; for
 * the other types it is the value of that type inside the field (a date in "Bandung, 17-08-1990", a
 * code in "J18.9 - Pneumonia"). FHIR coded results (SNOMED codes) are not labelled; their display
 * and text are. Names in sentences are labelled where a cue introduces them (see {@link
 * Sentences}). Organisations' names, addresses and phones are not personal data and never labelled.
 */
public final class CorpusGenerator {

  /** Seed of the corpus the precision/recall test and the benchmark use. */
  public static final long SEED = 0x50455249L; // "PERI"

  /** Institutions' role mailboxes: negatives in the logs. */
  static final List<String> ROLE_MAILBOXES =
      List.of(
          "info@rsudkota.go.id",
          "klaim@klinik-sehat.co.id",
          "humas@labprima.com",
          "admin@puskesmas-sukamaju.id",
          "noreply@ehac.kemkes.go.id");

  /** Samples in that corpus. */
  public static final int SIZE = 4000;

  private final Synth s;
  private final Sentences text;

  private CorpusGenerator(long seed) {
    this.s = new Synth(new SplittableRandom(seed));
    this.text = new Sentences(s);
  }

  /** The corpus for a seed: the same seed always gives the same samples. */
  public static List<Sample> generate(long seed, int size) {
    CorpusGenerator g = new CorpusGenerator(seed);
    List<Sample> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(g.next(i));
    }
    return out;
  }

  /** HL7 v2 and SQL samples appended to the standard corpus ({@link Positional}). */
  public static final int POSITIONAL_SIZE = 200;

  /**
   * The standard corpus: {@value #SIZE} samples, then {@value #POSITIONAL_SIZE} HL7 and SQL ones
   * drawn from their own stream, so that adding them left the others unchanged.
   */
  public static List<Sample> standard() {
    List<Sample> out = new ArrayList<>(generate(SEED, SIZE));
    out.addAll(new Positional(SEED ^ 0x484C3753L).samples(SIZE, POSITIONAL_SIZE)); // "HL7S"
    return out;
  }

  private Sample next(int i) {
    int k = s.n(100);
    if (k < 13) {
      return json("ehac", i, this::ehac);
    } else if (k < 25) {
      return json("simrs", i, this::simrs);
    } else if (k < 33) {
      return json("fhir", i, this::fhir);
    } else if (k < 42) {
      return json("intl", i, this::international);
    } else if (k < 50) {
      return json("payment", i, this::payment);
    } else if (k < 62) {
      return csv(i);
    } else if (k < 74) {
      return idText(i);
    } else if (k < 83) {
      return enText(i);
    } else if (k < 89) {
      return logs(i);
    } else if (k < 92) {
      return json("dicom", i, this::dicom);
    } else {
      return negatives(i);
    }
  }

  private Sample json(String name, int i, Function<Boolean, Json.Node> build) {
    boolean camel = s.p(30);
    Doc d = new Doc();
    Json.render(build.apply(camel), d, s.p(40));
    return d.sample(name + "-" + i, "json");
  }

  /** A key in the record's naming style: snake_case or camelCase, sometimes upper case. */
  private String key(boolean camel, String snake) {
    if (camel) {
      StringBuilder b = new StringBuilder();
      boolean up = false;
      for (char c : snake.toCharArray()) {
        if (c == '_') {
          up = true;
        } else {
          b.append(up ? Character.toUpperCase(c) : c);
          up = false;
        }
      }
      return b.toString();
    }
    return s.p(5) ? snake.toUpperCase(Locale.ROOT) : snake;
  }

  private String key(boolean camel, String... snakes) {
    return key(camel, s.pick(snakes));
  }

  private static Str parts(Part... ps) {
    return new Str(List.of(ps));
  }

  private static Part v(PiiType t, String x) {
    return new Part(t, x);
  }

  private static Part t(String x) {
    return Part.plain(x);
  }

  private String testName() {
    return s.pick("RT-PCR", "Rapid Antigen", "Swab Antigen", "PCR SARS-CoV-2", "TCM", "Antigen");
  }

  // ------------------------------------------------------------------ templates

  /** An e-HAC traveller as the 2021 app stored it, with the app's and its partners' fields. */
  private Json.Node ehac(boolean camel) {
    Person p = s.indonesian();
    boolean citizen = s.p(85);
    Obj o = new Obj();
    o.str(key(camel, "id_ehac"), String.format("EHAC-%08d", 1 + s.n(2_000_000)));
    o.str(
        key(camel, "nama", "nama_lengkap", "nama_pelaku_perjalanan", "name"),
        NAME,
        s.nameAsWritten(p));
    o.str(key(camel, "jenis_kelamin", "gender"), p.female() ? "P" : "L");
    o.str(key(camel, "tgl_lahir", "tanggal_lahir", "birth_date"), BIRTH_DATE, s.dateId(p.birth()));
    if (citizen) {
      o.str(
          key(camel, "nik", "no_nik", "nomor_ktp", "nik_ktp", "no_ktp"),
          NIK,
          s.p(10) ? s.nikPassingLuhn(p) : s.nik(p));
      if (s.p(35)) {
        o.str(key(camel, "no_paspor", "nomor_paspor", "paspor"), PASSPORT, s.passport());
      }
    } else {
      o.str(key(camel, "kewarganegaraan"), s.pick("Malaysia", "Singapura", "Australia", "Jepang"));
      o.str(
          key(camel, "no_paspor", "nomor_paspor", "passport_no", "passport_number"),
          PASSPORT,
          s.passport());
    }
    o.str(
        key(camel, "no_hp", "nomor_hp", "telp", "no_telp", "phone", "whatsapp", "hp"),
        PHONE,
        s.phone(true));
    if (s.p(35)) {
      o.str(key(camel, "email", "surel", "alamat_email"), EMAIL, s.email(p));
    }
    o.str(
        key(camel, "alamat", "alamat_domisili", "alamat_lengkap", "domisili"),
        ADDRESS,
        s.address());
    if (s.p(50)) {
      o.str(key(camel, "jenis_tes"), testName());
      o.str(
          key(camel, "hasil_tes", "hasil", "hasil_pcr", "hasil_swab", "hasil_antigen"),
          TEST_RESULT,
          s.result(true, true));
      o.str(key(camel, "tgl_tes", "tanggal_tes", "tanggal_periksa"), s.dateId(s.recent()));
    } else {
      Obj test = new Obj();
      test.str(key(camel, "jenis"), testName());
      test.str(key(camel, "hasil"), TEST_RESULT, s.result(true, true));
      test.str(key(camel, "tanggal"), s.dateId(s.recent()));
      test.str(key(camel, "lab", "faskes"), s.hospitalName());
      o.put(key(camel, "pemeriksaan", "tes_covid"), test);
    }
    o.str(key(camel, "rs_id"), String.format("RS-%04d", 1 + s.n(226)));
    o.str(key(camel, "rs_nama", "nama_rs", "faskes"), s.hospitalName());
    o.str(key(camel, "bandara_asal"), s.pick("CGK", "DPS", "SUB", "KNO", "UPG"));
    if (s.p(50)) {
      o.str(key(camel, "kode_booking"), s.alnum(6));
      o.str(key(camel, "no_penerbangan"), s.pick("GA ", "QZ", "JT ", "ID") + (100 + s.n(8000)));
    }
    if (s.p(50)) {
      o.num(key(camel, "created_at", "updated_at", "timestamp"), s.epochMillis());
    } else {
      o.str(key(camel, "created_at", "waktu_input"), s.isoTimestamp());
    }
    if (s.p(40)) {
      Obj loc = new Obj();
      String[] c = s.coordinates().split(", ");
      loc.num(s.pick("lat", "latitude"), c[0]).num(s.pick("lng", "lon", "longitude"), c[1]);
      o.put(key(camel, "lokasi"), loc);
    }
    if (s.p(30)) {
      o.str(key(camel, "versi_aplikasi", "app_version"), s.version());
      o.str(key(camel, "device_id"), s.uuid());
    }
    if (s.p(25)) {
      Person e = s.indonesian();
      Obj kin = new Obj();
      kin.str(key(camel, "nama"), NAME, e.full());
      kin.str(key(camel, "hubungan"), s.pick("Istri", "Suami", "Anak", "Orang tua"));
      kin.str(key(camel, "no_hp", "telp"), PHONE, s.phone(true));
      o.put(key(camel, "kontak_darurat"), kin);
    }
    return o;
  }

  /** A hospital information system (SIMRS) record: visit, diagnoses, labs, prescriptions, bill. */
  private Json.Node simrs(boolean camel) {
    Person p = s.indonesian();
    Obj o = new Obj();
    o.str(
        key(camel, "no_rm", "nomor_rm", "no_rekam_medis", "nomor_rekam_medis"),
        MEDICAL_RECORD_NUMBER,
        s.mrn());
    o.str(key(camel, "nik"), NIK, s.nik(p));
    if (s.p(70)) {
      o.str(
          key(camel, "no_bpjs", "no_kartu_bpjs", "nomor_kartu_jkn", "no_jkn", "no_kis"),
          BPJS,
          s.bpjs());
    }
    o.str(key(camel, "nama_pasien", "nama", "nama_lengkap"), NAME, s.nameAsWritten(p));
    o.str(key(camel, "tgl_lahir", "tanggal_lahir"), BIRTH_DATE, s.dateId(p.birth()));
    if (s.p(30)) {
      String city = s.pick(Synth.CITIES);
      String date = s.dateId(p.birth());
      o.put(key(camel, "ttl", "tempat_tgl_lahir"), parts(t(city + ", "), v(BIRTH_DATE, date)));
    }
    o.str(key(camel, "jenis_kelamin"), p.female() ? "Perempuan" : "Laki-laki");
    o.str(key(camel, "no_telp", "no_hp", "telepon"), PHONE, s.phone(true));
    o.str(key(camel, "alamat"), ADDRESS, s.address());
    Obj visit = new Obj();
    visit.str(key(camel, "no_registrasi"), "REG" + s.digits(10));
    visit.str(key(camel, "tgl_masuk", "tanggal_kunjungan"), s.dateId(s.recent()));
    visit.str(key(camel, "poli"), s.pick("Poli Penyakit Dalam", "Poli Paru", "IGD", "Poli Anak"));
    Obj doctor = new Obj();
    Person dr = s.indonesian();
    // A title is not part of the name (the span convention: honorifics and degrees outside).
    doctor.str(key(camel, "nama", "nama_dokter"), "dr. ", NAME, dr.full());
    doctor.str(key(camel, "spesialis"), s.pick("Sp.PD", "Sp.P", "Sp.A", "umum"));
    visit.put(key(camel, "dokter", "dpjp"), doctor);
    o.put(key(camel, "kunjungan"), visit);
    String[] c = s.icd();
    if (s.p(50)) {
      Obj dx = new Obj();
      dx.str(key(camel, "kode_icd", "kode", "icd10", "icd_10"), DIAGNOSIS, c[0]);
      dx.str(key(camel, "nama", "deskripsi", "keterangan"), c[1]);
      o.put(key(camel, "diagnosa_utama", "diagnosis_utama"), dx);
    } else {
      o.put(
          key(camel, "diagnosa", "diagnosa_utama", "diagnosis"),
          s.p(50)
              ? parts(v(DIAGNOSIS, c[0]), t(" - " + c[1]))
              : parts(t(c[1] + " ("), v(DIAGNOSIS, c[0]), t(")")));
    }
    if (s.p(50)) {
      Arr sec = new Arr();
      for (int j = 0; j < 1 + s.n(2); j++) {
        String[] c2 = s.icd();
        sec.add(new Obj().str(key(camel, "kode"), DIAGNOSIS, c2[0]).str(key(camel, "nama"), c2[1]));
      }
      o.put(key(camel, "diagnosa_sekunder"), sec);
    }
    Arr labs = new Arr();
    if (s.p(60)) {
      labs.add(
          new Obj()
              .str(key(camel, "pemeriksaan"), s.pick("HBsAg", "Anti-HIV", "VDRL"))
              .str(key(camel, "hasil"), TEST_RESULT, s.result(true, false)));
    }
    labs.add(
        new Obj()
            .str(key(camel, "pemeriksaan"), s.pick("Hemoglobin", "Leukosit", "Trombosit"))
            .str(key(camel, "hasil"), String.valueOf(5 + s.n(300)) + "." + s.n(10))
            .str(key(camel, "satuan"), s.pick("g/dL", "10^3/uL")));
    if (s.p(50)) {
      labs.add(
          new Obj()
              .str(key(camel, "pemeriksaan"), s.pick("SARS-CoV-2 Antigen", "RT-PCR"))
              .str(key(camel, "hasil"), TEST_RESULT, s.result(true, true)));
    }
    o.put(key(camel, "hasil_lab", "laboratorium"), labs);
    Arr rx = new Arr();
    for (int j = 0; j < 1 + s.n(3); j++) {
      rx.add(
          new Obj()
              .str(
                  key(camel, "nama", "nama_obat"),
                  s.pick(
                      "Paracetamol 500 mg",
                      "Amoxicillin",
                      "Oseltamivir",
                      "Metformin",
                      "Azithromycin",
                      "Vitamin C",
                      "Omeprazole"))
              .str(key(camel, "aturan_pakai", "dosis"), s.pick("3x1", "2x1", "1x1 malam")));
    }
    o.put(key(camel, "resep", "obat"), rx);
    if (s.p(60)) {
      Doc note = new Doc();
      int kind = s.n(4);
      if (kind == 0) {
        text.idResult(note);
      } else if (kind == 1) {
        text.idPhone(note);
      } else if (kind == 2) {
        text.idNegative(note);
      } else {
        text.idDiagnosis(note);
      }
      o.put(key(camel, "catatan", "keterangan"), new Str(note.toParts()));
    }
    Obj bill = new Obj();
    bill.str(
        key(camel, "no_invoice", "no_tagihan", "nomor_faktur"),
        s.p(50) ? s.phoneShapedNumber() : s.invoiceCode());
    bill.str(key(camel, "total"), s.priceIdr());
    bill.str(key(camel, "penjamin"), s.pick("BPJS Kesehatan", "Umum", "Asuransi Swasta"));
    o.put(key(camel, "tagihan"), bill);
    o.str(key(camel, "updated_at"), s.isoTimestamp());
    if (s.p(40)) {
      o.str(key(camel, "checksum", "hash"), s.hex(64));
    }
    return o;
  }

  /** A FHIR R4 searchset: Patient, COVID Observation, Condition, and the Organization. */
  private Json.Node fhir(boolean unused) {
    boolean us = s.p(35);
    Person p = us ? s.international() : s.indonesian();
    String pid = s.p(50) ? s.uuid() : String.valueOf(1000 + s.n(90000));
    Obj patient = new Obj().str("resourceType", "Patient").str("id", pid);
    patient.put(
        "meta",
        new Obj()
            .str("versionId", String.valueOf(1 + s.n(5)))
            .str("lastUpdated", s.isoTimestamp()));
    Arr ids = new Arr();
    if (us) {
      if (s.p(70)) {
        ids.add(
            new Obj().str("system", "http://hl7.org/fhir/sid/us-ssn").str("value", SSN, s.ssn()));
      }
    } else {
      ids.add(
          new Obj()
              .str("use", "official")
              .str("system", "https://fhir.kemkes.go.id/id/nik")
              .str("value", NIK, s.nik(p)));
      if (s.p(30)) {
        ids.add(
            new Obj()
                .str("system", "https://fhir.kemkes.go.id/id/paspor")
                .str("value", PASSPORT, s.passport()));
      }
      if (s.p(30)) {
        ids.add(
            new Obj()
                .str("system", "https://fhir.kemkes.go.id/id/bpjs")
                .str("value", BPJS, s.bpjs()));
      }
    }
    Obj mr = new Obj();
    mr.put(
        "type",
        new Obj()
            .put(
                "coding",
                new Arr()
                    .add(
                        new Obj()
                            .str("system", "http://terminology.hl7.org/CodeSystem/v2-0203")
                            .str("code", "MR"))));
    mr.str(
        "system",
        s.pick(
            "urn:oid:1.2.36.146.595.217.0.1",
            "https://rs.example.go.id/rekam-medis",
            "http://hospital.smarthealthit.org/mrn"));
    mr.str("value", MEDICAL_RECORD_NUMBER, s.mrn());
    ids.add(mr);
    patient.put("identifier", ids);
    patient.num("active", "true");
    Obj name = new Obj().str("use", "official").str("text", NAME, p.full());
    if (!p.last().isEmpty()) {
      name.str("family", NAME, p.last());
    }
    Arr given = new Arr();
    for (String g : p.first().split(" ")) {
      given.add(Str.of(NAME, g));
    }
    name.put("given", given);
    patient.put("name", new Arr().add(name));
    Arr telecom = new Arr();
    telecom.add(
        new Obj()
            .str("system", "phone")
            .str("value", PHONE, us ? s.foreignPhone() : s.phone(true))
            .str("use", "mobile"));
    if (s.p(50)) {
      telecom.add(new Obj().str("system", "email").str("value", EMAIL, s.email(p)));
    }
    patient.put("telecom", telecom);
    patient.str("gender", p.female() ? "female" : "male");
    patient.str("birthDate", BIRTH_DATE, p.birth().toString());
    patient.put(
        "address",
        new Arr()
            .add(
                new Obj()
                    .str("use", "home")
                    .put("line", new Arr().add(Str.of(ADDRESS, us ? s.intlAddress() : s.address())))
                    .str("city", us ? "Springfield" : s.pick(Synth.CITIES))
                    .str("country", us ? "US" : "ID")));

    Arr entries = new Arr();
    entries.add(
        new Obj()
            .str("fullUrl", "https://fhir.example.org/Patient/" + pid)
            .put("resource", patient));
    boolean pos = s.p(30);
    Obj obs =
        new Obj().str("resourceType", "Observation").str("id", s.uuid()).str("status", "final");
    obs.put(
        "code",
        new Obj()
            .put(
                "coding",
                new Arr()
                    .add(
                        new Obj()
                            .str("system", "http://loinc.org")
                            .str("code", "94309-2")
                            .str(
                                "display",
                                "SARS-CoV-2 (COVID-19) RNA [Presence] in Specimen by NAA with probe detection")))
            .str("text", "RT-PCR SARS-CoV-2"));
    obs.put("subject", new Obj().str("reference", "Patient/" + pid));
    obs.str("effectiveDateTime", s.isoTimestamp());
    Obj value =
        new Obj()
            .put(
                "coding",
                new Arr()
                    .add(
                        new Obj()
                            .str("system", "http://snomed.info/sct")
                            .str("code", pos ? "260373001" : "260415000")
                            .str("display", TEST_RESULT, pos ? "Detected" : "Not detected")));
    value.str(
        "text", TEST_RESULT, us ? (pos ? "Positive" : "Negative") : (pos ? "POSITIF" : "NEGATIF"));
    obs.put("valueCodeableConcept", value);
    entries.add(new Obj().put("resource", obs));
    if (s.p(70)) {
      String[] c = s.icd();
      Obj cond = new Obj().str("resourceType", "Condition").str("id", s.uuid());
      cond.put(
          "code",
          new Obj()
              .put(
                  "coding",
                  new Arr()
                      .add(
                          new Obj()
                              .str("system", "http://hl7.org/fhir/sid/icd-10")
                              .str("code", DIAGNOSIS, c[0])
                              .str("display", us ? c[2] : c[1]))));
      cond.put("subject", new Obj().str("reference", "Patient/" + pid));
      cond.str("recordedDate", s.recent().toString());
      entries.add(new Obj().put("resource", cond));
    }
    if (s.p(60)) {
      Obj org =
          new Obj()
              .str("resourceType", "Organization")
              .str("id", String.valueOf(s.n(999)))
              .str("name", s.hospitalName());
      org.put(
          "telecom", new Arr().add(new Obj().str("system", "phone").str("value", s.landline())));
      org.put(
          "address",
          new Arr()
              .add(
                  new Obj()
                      .put(
                          "line",
                          new Arr().add(Str.of(s.pick(Synth.STREETS) + " No. " + (1 + s.n(200)))))
                      .str("city", s.pick(Synth.CITIES))));
      entries.add(new Obj().put("resource", org));
    }
    return new Obj()
        .str("resourceType", "Bundle")
        .str("type", "searchset")
        .num("total", String.valueOf(entries.items.size()))
        .put("entry", entries);
  }

  /** An international EHR export in English camelCase (or snake_case). */
  private Json.Node international(boolean camel) {
    boolean us = s.p(60);
    Person p = s.p(80) ? s.international() : s.indonesian();
    Obj o = new Obj();
    o.str(key(camel, "patient_id", "id"), s.uuid());
    o.str(key(camel, "mrn", "medical_record_number", "mrn_number"), MEDICAL_RECORD_NUMBER, s.mrn());
    if (s.p(50)) {
      o.str(key(camel, "first_name", "given_name"), NAME, p.first());
      if (!p.last().isEmpty()) {
        o.str(key(camel, "last_name", "family_name", "surname"), NAME, p.last());
      }
    } else {
      o.str(key(camel, "patient_name", "full_name", "name"), NAME, s.nameAsWritten(p));
    }
    o.str(key(camel, "date_of_birth", "dob", "birth_date"), BIRTH_DATE, s.dateEn(p.birth()));
    o.str(key(camel, "sex"), p.female() ? "F" : "M");
    if (us) {
      o.str(key(camel, "ssn", "social_security_number"), SSN, s.ssn());
    } else if (s.p(50)) {
      o.str(key(camel, "passport_number", "passport_no"), PASSPORT, s.passport());
    }
    Obj contact = new Obj();
    contact.str(key(camel, "email", "email_address"), EMAIL, s.email(p));
    contact.str(
        key(camel, "phone", "mobile", "phone_number", "cell_phone"),
        PHONE,
        s.p(60) ? s.foreignPhone() : s.phone(false));
    contact.str(key(camel, "address", "home_address"), ADDRESS, s.intlAddress());
    o.put(key(camel, "contact", "demographics"), contact);
    Arr enc = new Arr();
    for (int j = 0; j < 1 + s.n(2); j++) {
      Obj e = new Obj();
      e.str(key(camel, "encounter_id"), "ENC-" + s.digits(8));
      e.str(key(camel, "date", "admit_date"), s.dateEn(s.recent()));
      Arr dx = new Arr();
      String[] c = s.icd();
      dx.add(
          new Obj()
              .str(key(camel, "code"), DIAGNOSIS, c[0])
              .str(key(camel, "system"), "ICD-10-CM")
              .str(key(camel, "description"), c[2]));
      e.put(key(camel, "diagnoses", "diagnosis_codes"), dx);
      if (s.p(60)) {
        e.put(
            key(camel, "lab_results"),
            new Arr()
                .add(
                    new Obj()
                        .str(
                            key(camel, "test"),
                            s.pick("SARS-CoV-2 RNA PCR", "COVID-19 Antigen", "HIV-1/2 Ab"))
                        .str(key(camel, "result"), TEST_RESULT, s.result(false, s.p(70)))
                        .str(key(camel, "collected_at"), s.isoTimestamp())));
      }
      enc.add(e);
    }
    o.put(key(camel, "encounters"), enc);
    Obj bill = new Obj();
    bill.str(key(camel, "insurer"), s.pick("Aetna", "Allianz Care", "Cigna Global", "AXA"));
    bill.str(key(camel, "policy_number"), "POL-" + s.digits(9));
    if (s.p(40)) {
      bill.str(key(camel, "card_number", "payment_card", "cc_number"), PAYMENT_CARD, s.card());
    }
    if (s.p(45)) {
      bill.str(key(camel, "iban", "refund_iban", "bank_account_iban"), IBAN, s.iban());
    }
    bill.str(
        key(camel, "invoice_number"),
        s.p(50) ? Synth.group(s.digits(9), "-", 3, 2, 4) : "INV-" + s.digits(8));
    bill.str(key(camel, "amount"), "$" + (10 + s.n(9000)) + "." + s.digits(2));
    o.put(key(camel, "billing"), bill);
    o.num(key(camel, "created_at"), s.epochMillis());
    o.str(key(camel, "etag"), s.hex(40));
    o.str(key(camel, "schema_version"), s.version());
    return o;
  }

  /** A payment for a test or teleconsultation: orders, invoices, cards, virtual accounts. */
  private Json.Node payment(boolean camel) {
    Person p = s.indonesian();
    Obj o = new Obj();
    o.str(
        key(camel, "order_id", "no_pesanan", "id_transaksi"),
        s.p(60) ? s.orderNumber16() : "ORD-" + s.digits(10));
    o.str(
        key(camel, "invoice_no", "no_invoice", "nomor_faktur"),
        s.p(50) ? s.phoneShapedNumber() : s.invoiceCode());
    o.str(key(camel, "created_at"), s.isoTimestamp());
    o.num(key(camel, "paid_at", "settlement_time"), s.epochMillis());
    Obj cust = new Obj();
    cust.str(key(camel, "nama", "name", "customer_name"), NAME, s.nameAsWritten(p));
    if (s.p(50)) {
      cust.str(key(camel, "nik"), NIK, s.p(40) ? s.nikPassingLuhn(p) : s.nik(p));
    }
    cust.str(key(camel, "email"), EMAIL, s.email(p));
    cust.str(key(camel, "no_hp", "phone"), PHONE, s.phone(true));
    o.put(key(camel, "customer", "pelanggan"), cust);
    Obj pay = new Obj();
    int method = s.n(10);
    if (method < 6) {
      pay.str(key(camel, "method", "metode"), s.pick("credit_card", "kartu_kredit", "debit_card"));
      String number = s.p(35) ? s.layoutCard(s.nikShapedCard(p)) : s.card();
      pay.str(key(camel, "card_number", "nomor_kartu", "pan", "cc_number"), PAYMENT_CARD, number);
      pay.str(
          key(camel, "card_holder", "nama_pemilik_kartu", "cardholder_name"),
          NAME,
          p.full().toUpperCase(Locale.ROOT));
      pay.str(key(camel, "expiry", "exp"), String.format("%02d/%02d", 1 + s.n(12), 25 + s.n(6)));
    } else if (method < 8) {
      pay.str(key(camel, "method", "metode"), "virtual_account");
      pay.str(key(camel, "va_number", "nomor_va"), s.pick("8808", "3901", "1234") + s.digits(12));
      pay.str(key(camel, "bank"), s.pick("BCA", "BNI", "Mandiri", "BRI"));
    } else {
      pay.str(key(camel, "method", "metode"), "bank_transfer");
      pay.str(key(camel, "iban", "beneficiary_iban"), IBAN, s.iban());
    }
    o.put(key(camel, "payment", "pembayaran"), pay);
    Arr items = new Arr();
    for (int j = 0; j < 1 + s.n(3); j++) {
      items.add(
          new Obj()
              .str(key(camel, "sku"), "LAB-" + s.letters(3) + "-" + s.digits(2))
              .str(
                  key(camel, "nama", "name"),
                  s.pick(
                      "Tes PCR",
                      "Rapid Antigen",
                      "Konsultasi Dokter",
                      "Paket Medical Check Up",
                      "Vaksin Influenza"))
              .str(key(camel, "harga", "price"), s.priceIdr()));
    }
    o.put(key(camel, "items"), items);
    o.str(key(camel, "total"), s.priceIdr());
    if (s.p(40)) {
      o.str(key(camel, "no_resi", "tracking_number"), s.trackingNumber());
    }
    if (s.p(30)) {
      o.str(key(camel, "voucher"), "SEHAT" + s.digits(4));
    }
    return o;
  }

  /** A DICOM JSON study list (PS3.18), patient module tags and study tags. */
  private Json.Node dicom(boolean unused) {
    Arr studies = new Arr();
    for (int j = 0; j < 1 + s.n(3); j++) {
      Person p = s.indonesian();
      Obj st = new Obj();
      st.put("00080020", tag("DA", Str.of(s.recent().toString().replace("-", ""))));
      st.put("00080050", tag("SH", Str.of("ACC" + s.digits(7))));
      st.put("00080080", tag("LO", Str.of(s.hospitalName())));
      String alpha =
          (p.last().isEmpty() ? p.first() : p.last() + "^" + p.first()).toUpperCase(Locale.ROOT);
      st.put(
          "00100010",
          new Obj()
              .str("vr", "PN")
              .put("Value", new Arr().add(new Obj().str("Alphabetic", NAME, alpha))));
      int id = s.n(10);
      // A passport of digits only would be indistinguishable from a hospital number here, to a
      // reader as to a detector; PatientID passports are the lettered kind.
      String passport;
      do {
        passport = s.passport();
      } while (!Character.isLetter(passport.charAt(0)));
      Str patientId =
          id < 6
              ? Str.of(NIK, s.nik(p))
              : id < 9 ? Str.of(PASSPORT, passport) : Str.of(MEDICAL_RECORD_NUMBER, s.mrn());
      st.put("00100020", tag("LO", patientId));
      st.put("00100030", tag("DA", Str.of(BIRTH_DATE, p.birth().toString().replace("-", ""))));
      if (s.p(40)) {
        st.put("00102154", tag("SH", Str.of(PHONE, s.phone(false))));
      }
      st.put("0020000D", tag("UI", Str.of("1.2.826.0.1.3680043.8.498." + s.digits(20))));
      st.put(
          "00081030",
          tag("LO", Str.of(s.pick("CT THORAX - SKRINING COVID-19", "XR CHEST PA", "MR BRAIN"))));
      studies.add(st);
    }
    return studies;
  }

  private static Obj tag(String vr, Str value) {
    return new Obj().str("vr", vr).put("Value", new Arr().add(value));
  }

  // ------------------------------------------------------------------ CSV

  /** One CSV column: header spellings and a cell maker. */
  private record Column(String[] headers, Function<Person, List<Part>> cell) {}

  private Column col(Function<Person, List<Part>> cell, String... headers) {
    return new Column(headers, cell);
  }

  private List<Column> idColumns() {
    return List.of(
        col(p -> List.of(t(String.valueOf(1 + s.n(500)))), "No", "No."),
        col(
            p -> List.of(v(MEDICAL_RECORD_NUMBER, s.mrn())),
            "No. RM",
            "no_rm",
            "Nomor Rekam Medis"),
        col(p -> List.of(v(NIK, s.nik(p))), "NIK", "No. KTP", "nik"),
        col(p -> List.of(v(NAME, s.nameAsWritten(p))), "Nama", "Nama Pasien", "nama_lengkap"),
        col(
            p -> List.of(v(BIRTH_DATE, s.dateId(p.birth()))),
            "Tgl Lahir",
            "Tanggal Lahir",
            "tgl_lahir"),
        col(p -> List.of(t(p.female() ? "P" : "L")), "JK", "L/P"),
        col(p -> List.of(v(PHONE, s.phone(true))), "No. HP", "Telepon", "no_hp"),
        col(p -> List.of(v(ADDRESS, s.address())), "Alamat", "alamat"),
        col(p -> List.of(v(BPJS, s.bpjs())), "No. BPJS", "No Kartu JKN", "no_bpjs"),
        col(
            p -> {
              String[] c = s.icd();
              return s.p(50)
                  ? List.of(v(DIAGNOSIS, c[0]))
                  : List.of(v(DIAGNOSIS, c[0]), t(" " + c[1]));
            },
            "Diagnosa",
            "Kode ICD",
            "ICD-10"),
        col(
            p -> List.of(v(TEST_RESULT, s.result(true, true))),
            "Hasil PCR",
            "Hasil Swab",
            "Hasil Antigen",
            "Hasil"),
        col(p -> List.of(t(s.dateId(s.recent()))), "Tgl Periksa", "Tanggal Tes"),
        col(p -> List.of(t(s.hospitalName())), "Faskes", "Nama RS"),
        col(p -> List.of(t(s.phoneShapedNumber())), "No. Invoice", "No Faktur"),
        col(p -> List.of(v(EMAIL, s.email(p))), "Email", "E-mail"),
        col(p -> List.of(v(PASSPORT, s.passport())), "No. Paspor", "Paspor"),
        col(p -> List.of(t(s.epochMillis())), "Timestamp", "waktu_input"),
        col(p -> List.of(t(s.priceIdr())), "Biaya", "Harga"));
  }

  private List<Column> enColumns() {
    return List.of(
        col(p -> List.of(v(MEDICAL_RECORD_NUMBER, s.mrn())), "MRN", "Medical Record Number"),
        col(p -> List.of(v(NAME, s.nameAsWritten(p))), "Patient Name", "Name", "Full Name"),
        col(p -> List.of(v(BIRTH_DATE, s.dateEn(p.birth()))), "DOB", "Date of Birth", "Birth Date"),
        col(
            p -> List.of(v(PHONE, s.p(50) ? s.foreignPhone() : s.phone(false))),
            "Phone",
            "Mobile",
            "Phone Number"),
        col(p -> List.of(v(SSN, s.ssn())), "SSN", "Social Security Number"),
        col(p -> List.of(v(EMAIL, s.email(p))), "Email", "Email Address"),
        col(p -> List.of(v(DIAGNOSIS, s.icd()[0])), "Diagnosis", "ICD10", "Dx Code"),
        col(
            p -> List.of(v(TEST_RESULT, s.result(false, true))),
            "Result",
            "PCR Result",
            "Test Result"),
        col(p -> List.of(v(PAYMENT_CARD, s.card())), "Card Number", "Credit Card"),
        col(p -> List.of(v(IBAN, s.iban())), "IBAN", "Bank Account (IBAN)"),
        col(p -> List.of(v(PASSPORT, s.passport())), "Passport No", "Passport"),
        col(p -> List.of(t(s.orderNumber16())), "Order ID", "Order Number"),
        col(p -> List.of(t(s.isoTimestamp())), "Created", "Updated At"),
        col(p -> List.of(t("$" + (10 + s.n(900)) + "." + s.digits(2))), "Amount", "Total"),
        col(p -> List.of(t(s.uuid())), "Request ID", "UUID"),
        col(p -> List.of(t(s.version())), "Version"));
  }

  private Sample csv(int i) {
    boolean english = s.p(40);
    List<Column> all = english ? enColumns() : idColumns();
    List<Column> chosen = new ArrayList<>();
    for (Column c : all) {
      if (s.p(45)) {
        chosen.add(c);
      }
    }
    if (chosen.size() < 3) {
      chosen.addAll(all.subList(1, 4));
    }
    char sep = s.pick(',', ',', ';', '\t', '|');
    boolean quoteAll = s.p(20);
    Doc d = new Doc();
    for (int j = 0; j < chosen.size(); j++) {
      if (j > 0) {
        d.t(String.valueOf(sep));
      }
      String h = s.pick(chosen.get(j).headers());
      d.t(quoteAll ? "\"" + h + "\"" : h);
    }
    String eol = s.p(20) ? "\r\n" : "\n";
    d.t(eol);
    int rows = 2 + s.n(7);
    for (int row = 0; row < rows; row++) {
      Person p = english && s.p(80) ? s.international() : s.indonesian();
      for (int j = 0; j < chosen.size(); j++) {
        if (j > 0) {
          d.t(String.valueOf(sep));
        }
        List<Part> cell = chosen.get(j).cell().apply(p);
        String whole = cell.stream().map(Part::text).reduce("", String::concat);
        boolean quote = quoteAll || whole.indexOf(sep) >= 0 || whole.contains("\"");
        d.t(quote ? "\"" : "").parts(cell).t(quote ? "\"" : "");
      }
      d.t(eol);
    }
    return d.sample("csv-" + i, "csv");
  }

  // ------------------------------------------------------------------ free text

  private Sample idText(int i) {
    Doc d = new Doc();
    Person p = s.indonesian();
    if (s.p(40)) {
      d.t(
          s.pick(
              "Catatan perawat: ",
              "Yth. Bapak/Ibu, ",
              "Ringkasan pulang. ",
              "[Pesan WA] ",
              "Laporan KKP Bandara. "));
    }
    int n = 3 + s.n(5);
    for (int j = 0; j < n; j++) {
      switch (s.n(14)) {
        case 0 -> text.idNik(d, p);
        case 1 -> text.idPhone(d);
        case 2 -> text.idPassport(d);
        case 3 -> text.idBpjs(d);
        case 4 -> text.idBirth(d, p);
        case 5 -> text.idDiagnosis(d);
        case 6 -> text.idResult(d);
        case 7 -> text.idMrn(d);
        case 8 -> text.idEmail(d, p);
        case 9 -> text.idCard(d, p);
        default -> text.idNegative(d);
      }
      d.t(s.p(25) ? "\n" : " ");
    }
    return d.sample("id-text-" + i, "text");
  }

  private Sample enText(int i) {
    Doc d = new Doc();
    Person p = s.international();
    if (s.p(40)) {
      d.t(s.pick("Discharge summary. ", "Referral letter: ", "Nursing note - ", "Billing memo. "));
    }
    int n = 3 + s.n(5);
    for (int j = 0; j < n; j++) {
      switch (s.n(15)) {
        case 0 -> text.enPerson(d, p);
        case 1 -> text.enSsn(d);
        case 2 -> text.enPhone(d);
        case 3 -> text.enMrn(d);
        case 4 -> text.enDiagnosis(d);
        case 5 -> text.enResult(d);
        case 6 -> text.enPassport(d);
        case 7 -> text.enCard(d, p);
        case 8 -> text.enIban(d);
        case 9 -> text.enEmail(d, p);
        default -> text.enNegative(d);
      }
      d.t(s.p(25) ? "\n" : " ");
    }
    return d.sample("en-text-" + i, "text");
  }

  /** Application logs: key=value pairs, request lines, bearer tokens, ids and timings. */
  private Sample logs(int i) {
    Doc d = new Doc();
    int n = 3 + s.n(6);
    for (int j = 0; j < n; j++) {
      d.t(
          s.isoTimestamp()
              + " "
              + s.pick("INFO", "WARN", "DEBUG", "ERROR")
              + " ["
              + s.pick("ehac-api", "lab-sync", "billing", "auth")
              + "] ");
      Person p = s.indonesian();
      switch (s.n(9)) {
        case 0 ->
            d.t("POST /api/v1/register nik=")
                .v(NIK, s.nik(p))
                .t(" phone=")
                .v(PHONE, s.phone(false))
                .t(" took=" + s.n(900) + "ms\n");
        case 1 ->
            d.t("lookup passport=").v(PASSPORT, s.passport()).t(" trace_id=" + s.uuid() + "\n");
        case 2 ->
            d.t("sent result to ")
                .v(EMAIL, s.email(p))
                // An institution's role mailbox beside it is not personal (no label); chosen by
                // index, so the random stream (and the rest of the corpus) stays as it was.
                .t(" cc=" + ROLE_MAILBOXES.get((i + j) % ROLE_MAILBOXES.size()))
                .t(" order=" + s.orderNumber16() + "\n");
        case 3 -> text.jwtLine(d);
        case 4 ->
            d.t("GET /fhir/Patient?identifier=https://fhir.kemkes.go.id/id/nik%7C")
                .v(NIK, s.nik(p))
                .t(" 200 " + s.n(5000) + "B\n");
        case 5 ->
            d.t(
                "sync ok ts="
                    + s.epochMillis()
                    + " batch="
                    + s.digits(13)
                    + " version="
                    + s.version()
                    + "\n");
        case 6 ->
            d.t(
                "payment settled invoice="
                    + s.phoneShapedNumber()
                    + " amount="
                    + s.priceIdr().replace(" ", "")
                    + " va=8808"
                    + s.digits(12)
                    + "\n");
        case 7 ->
            d.t("hasil_tes=")
                .v(TEST_RESULT, s.result(true, true))
                .t(" no_rm=")
                .v(MEDICAL_RECORD_NUMBER, s.mrn())
                .t(" lab=" + s.pick("RSUD", "Klinik") + "\n");
        default ->
            d.t(
                "client ip="
                    + s.ipAddress()
                    + " sha="
                    + s.hex(40)
                    + " ua=okhttp/"
                    + s.version()
                    + "\n");
      }
    }
    return d.sample("log-" + i, "text");
  }

  /** Documents with no personal data at all: catalogues, health checks, build output, stats. */
  private Sample negatives(int i) {
    Doc d = new Doc();
    switch (s.n(4)) {
      case 0 -> {
        Arr products = new Arr();
        for (int j = 0; j < 2 + s.n(4); j++) {
          products.add(
              new Obj()
                  .str("sku", s.letters(2) + s.digits(6))
                  .str(
                      "name",
                      s.pick(
                          "Masker Medis 3 Ply",
                          "Hand Sanitizer 500 ml",
                          "Termometer Digital",
                          "Oximeter",
                          "Alat Tes Antigen"))
                  .str("barcode", s.ean13())
                  .num("price", String.valueOf(5000 + s.n(900000)))
                  .str("isbn", s.p(20) ? s.isbn13() : "")
                  .str("updated_at", s.isoTimestamp()));
        }
        Json.render(
            new Obj().put("products", products).num("total", String.valueOf(products.items.size())),
            d,
            s.p(50));
        return d.sample("neg-catalogue-" + i, "json");
      }
      case 1 -> {
        Obj h =
            new Obj()
                .str("status", "UP")
                .str("version", s.version())
                .str("commit", s.hex(40))
                .num("uptime_ms", s.epochMillis())
                .num("started_at", s.epochSeconds())
                .str("node_id", s.uuid())
                .str("region", "ap-southeast-3")
                .put(
                    "checks",
                    new Arr()
                        .add(
                            new Obj()
                                .str("name", "database")
                                .str("status", "UP")
                                .num("latency_ms", String.valueOf(s.n(90)))));
        Json.render(h, d, s.p(50));
        return d.sample("neg-health-" + i, "json");
      }
      case 2 -> {
        Obj stats =
            new Obj()
                .str("provinsi", s.pick("DKI Jakarta", "Jawa Barat", "Bali"))
                .num("kode_provinsi", String.valueOf(Synth.PROVINCES[s.n(Synth.PROVINCES.length)]))
                .num("kasus_positif", String.valueOf(s.n(900000)))
                .num("kasus_negatif", String.valueOf(s.n(9000000)))
                .str("tanggal", s.dateId(s.recent()))
                .str("sumber", "covid19.go.id")
                .str("koordinat", s.coordinates())
                .num("populasi", String.valueOf(1_000_000 + s.n(40_000_000)));
        Json.render(stats, d, s.p(50));
        return d.sample("neg-stats-" + i, "json");
      }
      default -> {
        int n = 3 + s.n(5);
        for (int j = 0; j < n; j++) {
          if (s.p(50)) {
            text.idNegative(d);
          } else {
            text.enNegative(d);
          }
          d.t("\n");
        }
        return d.sample("neg-text-" + i, "text");
      }
    }
  }

  /** Prints a few samples with their labels, for a human to read: {@code main [count]}. */
  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    List<Sample> corpus = standard();
    for (Sample smp : corpus.subList(0, Math.min(count, corpus.size()))) {
      System.out.println("=== " + smp.id() + " (" + smp.format() + ")");
      System.out.println(smp.text());
      for (Label l : smp.labels()) {
        System.out.println("  " + l.type() + " [" + smp.text().substring(l.start(), l.end()) + "]");
      }
    }
  }
}
