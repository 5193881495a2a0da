package dev.periksa.pii;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Words that say what a nearby value is, in Indonesian and English, as bit sets of cue classes. The
 * same words serve free text ("No. HP 0812...") and field names ({@code no_hp}, {@code noHp}, "No.
 * HP" as a CSV header).
 */
final class Lexicon {
  private Lexicon() {}

  static final int NIK = 1;
  static final int PHONE = 1 << 1;
  static final int PASSPORT = 1 << 2;
  static final int BPJS = 1 << 3;
  static final int MRN = 1 << 4;
  static final int SSN = 1 << 5;
  static final int CARD = 1 << 6;
  static final int IBAN = 1 << 7;
  static final int EMAIL = 1 << 8;
  static final int BIRTH = 1 << 9;
  static final int DIAGNOSIS = 1 << 10;

  /** A test: pcr, antigen, swab, hiv... Enough alone to make a nearby result word a result. */
  static final int TEST = 1 << 11;

  /** "hasil", "result": a result only when nothing but test words stands between. */
  static final int TEST_WEAK = 1 << 12;

  static final int NAME = 1 << 13;
  static final int ADDRESS = 1 << 14;

  /** A document number of either kind (NIK or passport): "identitas", "identity". */
  static final int ID_ANY = 1 << 15;

  /** DICOM PatientID: a NIK, a passport, or else the hospital's medical record number. */
  static final int PATIENT_ID = 1 << 16;

  /** Labels a number that is not personal: order, invoice, timestamp, version, price... */
  static final int NEG = 1 << 17;

  /** A thing, not a person, owns the name or address: hospital, drug, product, city... */
  static final int OBJECT = 1 << 18;

  /** A person owns the name or address: patient, doctor, customer, card holder... */
  static final int PERSON = 1 << 19;

  /** Labels something else (a visit date, an update): stops a search for a value. */
  static final int OTHER = 1 << 20;

  /** "no", "nomor", "number", "kartu": joins a label without saying what it labels. */
  static final int NEUTRAL = 1 << 21;

  /** A result word: positif, negative, detected, non reaktif... (found in text, not a label). */
  static final int RESULT = 1 << 22;

  /**
   * A field name that says nothing alone and takes its meaning from the enclosing ones: {@code
   * value}, {@code text}, {@code code}, FHIR's {@code given}/{@code family}/{@code line}, DICOM's
   * person-name groups; or a name made only of joiners ({@code nomor_kartu}, {@code id}).
   */
  static final int HOLDER = 1 << 23;

  private static final Set<String> HOLDER_NAMES =
      Set.of(
          "text",
          "display",
          "value",
          "code",
          "kode",
          "family",
          "given",
          "line",
          "alphabetic",
          "ideographic",
          "phonetic");

  /**
   * Set by the caller on a value whose field belongs to an organisation (a hospital's "telp"): no
   * structure alone makes a phone of it.
   */
  static final int NOT_PERSONAL = 1 << 24;

  /** An Indonesian taxpayer number: "npwp", "nomor pokok wajib pajak". */
  static final int NPWP = 1 << 25;

  /** A domestic bank account: "rekening", "no. rek", a bank's name, "account number". */
  static final int BANK = 1 << 26;

  /** Classes of identity-like numbers: a label of one of these claims the value after it. */
  static final int NUMBER_TYPES =
      NIK | PHONE | PASSPORT | BPJS | MRN | SSN | CARD | IBAN | NPWP | BANK;

  /** Classes that say what a value is (everything but joiners). */
  static final int MEANINGFUL = ~(NEUTRAL | RESULT | (1 << 23) | (1 << 24));

  private static final Map<String, Integer> WORDS = new HashMap<>();
  private static final Map<String, Integer> BIGRAMS = new HashMap<>();

  /** Letter runs that stay words even when glued to digits ("ICD10", "COVID-19", "HIV-1"). */
  static final Set<String> GLUE_OK = Set.of("icd", "covid", "sars", "hiv", "ns", "igm", "igg");

  /** Exact field names (normalised) whose meaning no word-split gives. */
  private static final Map<String, Integer> FIELDS = new HashMap<>();

  private static void words(int classes, String... ws) {
    for (String w : ws) {
      Integer had = WORDS.get(w);
      WORDS.put(w, had == null ? classes : had | classes);
    }
  }

  private static void bigram(int classes, String first, String second) {
    BIGRAMS.put(first.concat(" ").concat(second), classes);
  }

  static {
    words(NIK, "nik", "ktp", "ektp", "kependudukan", "nonik", "noktp");
    words(
        PHONE,
        "hp",
        "nohp",
        "handphone",
        "ponsel",
        "telp",
        "tlp",
        "telpon",
        "telepon",
        "tel",
        "phone",
        "telephone",
        "mobile",
        "cell",
        "cellphone",
        "seluler",
        "whatsapp",
        "wa",
        "sms",
        "msisdn",
        "hubungi",
        "contact",
        "kontak",
        "telecom",
        "notelp",
        "tlpn");
    words(PASSPORT, "paspor", "passport", "pasport", "nopaspor");
    words(BPJS, "bpjs", "jkn", "kis", "askes", "nobpjs");
    // The insurer is an organisation, but an insurance number is the insured person's card.
    words(BPJS, "asuransi", "insurance", "penjamin");
    words(NPWP, "npwp", "nonpwp");
    // Indonesia's largest banks by their usual short names; "Mandiri" only after "bank" (alone it
    // is an ordinary word: "pasien mandiri", a self-paying patient).
    words(
        BANK,
        "rekening",
        "norek",
        "norekening",
        "rek",
        "bca",
        "bri",
        "bni",
        "btn",
        "bsi",
        "cimb",
        "danamon",
        "permata",
        "maybank",
        "ocbc",
        "bjb",
        "bpd");
    bigram(BANK, "bank", "mandiri");
    words(BANK, "panin", "muamalat", "btpn", "jenius", "seabank", "uob", "hsbc", "bukopin");
    // Regional development banks and others named with "Bank" before a common word.
    for (String b :
        new String[] {
          "dki",
          "jatim",
          "jateng",
          "jabar",
          "nagari",
          "sumut",
          "kalbar",
          "kalsel",
          "papua",
          "mega",
          "jago",
          "sinarmas",
          "neo",
          "syariah",
          "aceh",
          "riau",
          "sulselbar",
          "ntt",
          "ntb",
          "bali",
          "kaltimtara",
          "sultra",
          "sulteng",
          "bengkulu",
          "lampung",
          "maluku",
          "banten"
        }) {
      bigram(BANK, "bank", b);
    }
    bigram(BANK, "account", "number");
    bigram(BANK, "bank", "account");
    words(MRN, "mrn", "rm", "norm", "medrec", "rekammedis", "rekmed", "norekmed", "normr", "nomr");
    words(SSN, "ssn");
    words(
        CARD,
        "credit",
        "debit",
        "kredit",
        "visa",
        "mastercard",
        "amex",
        "jcb",
        "unionpay",
        "card",
        "cc",
        "pan",
        "cardnumber",
        "payment",
        "pembayaran",
        "bayar");
    words(IBAN, "iban");
    words(EMAIL, "email", "surel", "mail");
    words(
        BIRTH,
        "lahir",
        "kelahiran",
        "birth",
        "birthdate",
        "birthday",
        "born",
        "dob",
        "ttl",
        "tgllahir",
        "lhr",
        "tgllhr");
    words(
        DIAGNOSIS,
        "diagnosa",
        "diagnosis",
        "diagnoses",
        "diagnosed",
        "didiagnosis",
        "didiagnosa",
        "dx",
        "icd",
        "condition",
        "penyakit");
    words(
        TEST,
        "pcr",
        "antigen",
        "swab",
        "rapid",
        "covid",
        "sars",
        "cov",
        "naat",
        "tcm",
        "hiv",
        "hbsag",
        "hcv",
        "vdrl",
        "tpha",
        "serologi",
        "serology",
        "igm",
        "igg",
        "antibodi",
        "antibody",
        "tes",
        "test",
        "tested",
        "testing",
        "terkonfirmasi",
        "confirmed",
        "pemeriksaan",
        "lab",
        "laboratorium",
        "interpretation",
        "interpretasi",
        // Common Indonesian lab tests reported as an outcome: typhoid, malaria RDT, TB smear and
        // TCM/GeneXpert, syphilis, dengue, ELISA, pregnancy hCG and drug screening panels.
        "widal",
        "tubex",
        "rdt",
        "bta",
        "genexpert",
        "xpert",
        "rpr",
        "elisa",
        "hcg",
        "testpack",
        "dengue",
        "malaria",
        "sifilis",
        "syphilis",
        "narkoba",
        "napza",
        "amfetamin",
        "amphetamine",
        "metamfetamin",
        "methamphetamine",
        "morfin",
        "morphine",
        "opiat",
        "opiate",
        "thc",
        "kokain",
        "cocaine",
        "benzodiazepin",
        "benzodiazepine");
    words(TEST_WEAK, "hasil", "result", "results", "outcome");
    words(
        NAME,
        "nama",
        "name",
        "fullname",
        "firstname",
        "lastname",
        "surname",
        "holder",
        "cardholder",
        "pemilik");
    words(ADDRESS, "alamat", "address", "domisili", "street", "jalan");
    words(ID_ANY, "identitas", "identity");
    words(
        OBJECT,
        "rs",
        "rsud",
        "hospital",
        "faskes",
        "klinik",
        "clinic",
        "puskesmas",
        "organization",
        "organisation",
        "organisasi",
        "instansi",
        "perusahaan",
        "company",
        "obat",
        "drug",
        "medication",
        "medicine",
        "resep",
        "prescription",
        "product",
        "produk",
        "item",
        "items",
        "barang",
        "lab",
        "laboratorium",
        "pemeriksaan",
        "test",
        "tes",
        "jenis",
        "jns",
        "pelayanan",
        "prov",
        "kota",
        "city",
        "provinsi",
        "province",
        "negara",
        "country",
        "bandara",
        "airport",
        "maskapai",
        "airline",
        "bank",
        "asuransi",
        "insurance",
        "insurer",
        "ruang",
        "kamar",
        "room",
        "poli",
        "unit",
        "departemen",
        "department",
        "server",
        "host",
        "user",
        "username",
        "mac",
        "url",
        "web",
        "kantor",
        "office",
        "vendor",
        "merchant",
        "toko",
        "shop",
        "kategori",
        "category",
        "file",
        "app",
        "aplikasi",
        "device",
        "perangkat",
        "paket",
        "package",
        "vaksin",
        "vaccine",
        "layanan",
        "service",
        "spesialis",
        "penjamin",
        "check",
        "checks",
        "database",
        "index",
        "bucket",
        "project",
        "sekolah",
        "school",
        "universitas",
        "university",
        "institution",
        "instalasi",
        "study",
        "series",
        // Places that are no one's home: where a vaccine was given, where one works or practises.
        "lokasi",
        "location",
        "facility",
        "fasilitas",
        "venue",
        "workplace",
        "employer",
        "praktik",
        "practice");
    // Where one works is no one's home: "alamat tempat kerja", "work address".
    bigram(OBJECT, "tempat", "kerja");
    bigram(OBJECT, "alamat", "kerja");
    bigram(OBJECT, "work", "address");
    words(
        PERSON,
        "pasien",
        "patient",
        "pelaku",
        "traveller",
        "traveler",
        "dokter",
        "doctor",
        "dr",
        "dpjp",
        "practitioner",
        "ibu",
        "ayah",
        "mother",
        "father",
        "keluarga",
        "kontak",
        "contact",
        "wali",
        "guardian",
        "customer",
        "pelanggan",
        "pemilik",
        "holder",
        "cardholder",
        "penanggung",
        "peserta",
        "member",
        "participant",
        "person",
        "orang",
        "darurat",
        "emergency",
        "spouse",
        "istri",
        "suami",
        "anak",
        "child",
        "pegawai",
        "employee",
        "staff",
        "petugas",
        "perawat",
        "nurse",
        "penumpang",
        "passenger",
        "guarantor",
        "demographics",
        "kepala",
        "menantu",
        "cucu",
        "mertua",
        "famili",
        // Staff and relatives named in referral letters, forms and exports.
        "bidan",
        "apoteker",
        "pengirim",
        "perujuk",
        "pemeriksa",
        "pelapor",
        "pemohon",
        "kerabat",
        "kin",
        "physician",
        "surgeon",
        "midwife",
        // Who checked, sent or received: lab validators, chat senders, a letter's recipient.
        "validator",
        "verifikator",
        "verifier",
        "analis",
        "analyst",
        "pengantar",
        "sender",
        "penerima",
        "recipient");
    // A fax line or a hotline is an office's, never a person's phone.
    words(NEG, "fax", "faks", "faksimili", "facsimile", "hotline");
    words(
        NEG,
        "order",
        "orders",
        "pesanan",
        "invoice",
        "inv",
        "faktur",
        "tagihan",
        "resi",
        "awb",
        "tracking",
        "transaksi",
        "transaction",
        "trx",
        "txn",
        "ref",
        "referensi",
        "reference",
        "booking",
        "pnr",
        "sku",
        "barcode",
        "ean",
        "upc",
        "isbn",
        "issn",
        "serial",
        "imei",
        "version",
        "versi",
        "ver",
        "build",
        "release",
        "uuid",
        "guid",
        "hash",
        "sha",
        "md",
        "checksum",
        "digest",
        "etag",
        "commit",
        "timestamp",
        "epoch",
        "ts",
        "created",
        "updated",
        "modified",
        "diperbarui",
        "dibuat",
        "time",
        "waktu",
        "price",
        "harga",
        "total",
        "amount",
        "jumlah",
        "biaya",
        "subtotal",
        "rp",
        "idr",
        "usd",
        "nominal",
        "saldo",
        "lat",
        "lng",
        "lon",
        "latitude",
        "longitude",
        "koordinat",
        "coordinates",
        "ip",
        "port",
        "seq",
        "sequence",
        "nonce",
        "otp",
        "antrian",
        "queue",
        "sampel",
        "sample",
        "specimen",
        "spesimen",
        "batch",
        "lot",
        "accession",
        "uid",
        "oid",
        "session",
        "sesi",
        "nota",
        "receipt",
        "kuitansi",
        "kwitansi",
        "voucher",
        "kupon",
        "coupon",
        "promo",
        "tiket",
        "ticket",
        "flight",
        "penerbangan",
        "seat",
        "kursi",
        "gate",
        "registrasi",
        "registration",
        "encounter",
        "kunjungan",
        "visit",
        "policy",
        "polis",
        "va",
        "virtual",
        "part",
        "claim",
        "klaim",
        "request",
        "trace",
        "span",
        "node",
        "latency",
        "duration",
        "durasi",
        "elapsed",
        "took",
        "uptime",
        "started",
        "populasi",
        "population",
        "kasus",
        "count",
        "settlement",
        "expiry",
        "exp",
        "zip",
        "kodepos",
        "postal",
        "pos",
        "vitamin",
        "pesawat",
        "deployed",
        "kk",
        "sep",
        "ppk",
        "rujukan",
        "referral");
    words(
        OTHER,
        "periksa",
        "masuk",
        "keluar",
        "admit",
        "admission",
        "discharge",
        "issued",
        "terbit",
        "expires",
        "berlaku",
        "kadaluarsa",
        "collected",
        "diambil",
        "jadwal",
        "kontrol",
        "appointment",
        "tempo",
        "kedatangan",
        "arrival",
        "keberangkatan",
        "departure",
        "hingga",
        "until");
    words(
        NEUTRAL, "no", "nomor", "nomer", "nmr", "nr", "number", "num", "kartu", "kode", "code",
        "id", "tgl", "tanggal", "date", "of");
    words(
        RESULT,
        "positif",
        "negatif",
        "positive",
        "negative",
        "reaktif",
        "reactive",
        "nonreaktif",
        "nonreactive",
        "detected",
        "undetected",
        "terdeteksi");
    bigram(RESULT, "not", "detected");
    bigram(RESULT, "tidak", "terdeteksi");
    bigram(RESULT, "non", "reaktif");
    bigram(RESULT, "non", "reactive");
    bigram(RESULT, "tidak", "reaktif");
    bigram(MRN, "rekam", "medis");
    bigram(MRN, "rkm", "medis"); // SIMRS tables abbreviate rekam: no_rkm_medis
    // A travel document is a passport (dokumen perjalanan: the law's word for it).
    bigram(PASSPORT, "travel", "document");
    bigram(PASSPORT, "travel", "doc");
    bigram(PASSPORT, "dokumen", "perjalanan");
    bigram(MRN, "medical", "record");
    bigram(MRN, "medical", "records");
    // The same number under its other names: rekam medik (the older spelling), a hospital or
    // chart number, a patient's number in the register (nomor pasien).
    bigram(MRN, "rekam", "medik");
    bigram(MRN, "med", "rec");
    bigram(MRN, "hospital", "number");
    bigram(MRN, "hospital", "no");
    bigram(MRN, "hosp", "no");
    bigram(MRN, "chart", "number");
    bigram(MRN, "record", "number");
    bigram(MRN, "record", "no");
    bigram(MRN, "patient", "number");
    bigram(MRN, "patient", "no");
    bigram(MRN, "nomor", "pasien");
    bigram(MRN, "no", "pasien");
    bigram(PHONE, "whats", "app"); // "WhatsApp" splits where its case turns
    bigram(SSN, "social", "security");
    bigram(BPJS, "indonesia", "sehat");
    bigram(BPJS, "jaminan", "kesehatan");
    bigram(NIK, "induk", "kependudukan");
    bigram(NPWP, "wajib", "pajak");
    bigram(NPWP, "tax", "id");
    bigram(NPWP, "taxpayer", "number");
    bigram(NIK, "national", "id");
    bigram(OBJECT, "rumah", "sakit");
    // A family card's number has a NIK's shape (region, date, serial) but names a household.
    bigram(NEG, "kartu", "keluarga");
    bigram(NEG, "family", "card");
    bigram(EMAIL, "e", "mail");

    FIELDS.put("00100010", NAME | PERSON); // DICOM PatientName
    FIELDS.put("00100020", PATIENT_ID); // DICOM PatientID
    FIELDS.put("00100030", BIRTH); // DICOM PatientBirthDate
    FIELDS.put("00102154", PHONE); // DICOM PatientTelephoneNumbers
    FIELDS.put("00101040", ADDRESS); // DICOM PatientAddress
    FIELDS.put("00080080", OBJECT); // DICOM InstitutionName
    FIELDS.put("00080050", NEG); // DICOM AccessionNumber
    FIELDS.put("0020000d", NEG); // DICOM StudyInstanceUID
    FIELDS.put("0020000e", NEG); // DICOM SeriesInstanceUID
    FIELDS.put("00080020", OTHER); // DICOM StudyDate
    FIELDS.put("valuecodeableconcept", TEST_WEAK); // FHIR Observation.value[x]
    FIELDS.put("valuestring", TEST_WEAK);
    FIELDS.put("authorstring", NAME | PERSON); // FHIR Annotation: the author written out
    FIELDS.put("ns1", TEST); // dengue NS1 antigen: its letters alone say nothing
    FIELDS.put("ns1ag", TEST);
    FIELDS.put("birthdate", BIRTH);
    // BPJS V-Claim: noKartu is the JKN-KIS card (a payment API's card number has another shape,
    // so the card class stays), noMR the hospital's record number ("mr" alone is an honorific in
    // text, so only as whole field names).
    FIELDS.put("nokartu", BPJS | CARD);
    FIELDS.put("nomr", MRN);
    FIELDS.put("nomormr", MRN);
    FIELDS.put("mrno", MRN);
  }

  // Every known word (cue words, bigram parts, D.O.B.'s letters) has an id in an open-addressing
  // table over lower-case ASCII, so that text is looked up in place, without a copy per word.
  private static final int SLOTS = 4096;
  private static final char[][] KEYS = new char[SLOTS][];
  private static final int[] SLOT_IDS = new int[SLOTS];
  private static final int[] ID_CLASSES;
  private static final boolean[] ID_GLUE_OK;
  private static final Map<Long, Integer> BIGRAM_IDS = new HashMap<>();
  static final int ID_D;
  static final int ID_O;
  static final int ID_B;

  static {
    java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(WORDS.keySet());
    for (String b : BIGRAMS.keySet()) {
      all.addAll(java.util.List.of(b.split(" ")));
    }
    all.addAll(GLUE_OK);
    all.addAll(java.util.List.of("d", "o", "b"));
    ID_CLASSES = new int[all.size()];
    ID_GLUE_OK = new boolean[all.size()];
    int next = 0;
    for (String w : all) {
      int slot = hash(w, 0, w.length()) & (SLOTS - 1);
      while (KEYS[slot] != null) {
        slot = (slot + 1) & (SLOTS - 1);
      }
      KEYS[slot] = w.toCharArray();
      SLOT_IDS[slot] = next;
      ID_CLASSES[next] = WORDS.getOrDefault(w, 0);
      ID_GLUE_OK[next] = GLUE_OK.contains(w);
      next++;
    }
    for (Map.Entry<String, Integer> e : BIGRAMS.entrySet()) {
      String[] two = e.getKey().split(" ");
      BIGRAM_IDS.put(
          pair(id(two[0], 0, two[0].length()), id(two[1], 0, two[1].length())), e.getValue());
    }
    ID_D = id("d", 0, 1);
    ID_O = id("o", 0, 1);
    ID_B = id("b", 0, 1);
  }

  private static long pair(int a, int b) {
    return ((long) a << 32) | (b & 0xffffffffL);
  }

  private static int hash(CharSequence s, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = h * 31 + (s.charAt(i) | 0x20);
    }
    return h ^ (h >>> 12);
  }

  private static int hash(char[] s, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = h * 31 + (s[i] | 0x20);
    }
    return h ^ (h >>> 12);
  }

  /** As {@link #id(CharSequence, int, int)}, over an array. */
  static int id(char[] s, int from, int to) {
    int slot = hash(s, from, to) & (SLOTS - 1);
    int len = to - from;
    while (KEYS[slot] != null) {
      char[] k = KEYS[slot];
      if (k.length == len) {
        int i = 0;
        while (i < len && (s[from + i] | 0x20) == k[i]) {
          i++;
        }
        if (i == len) {
          return SLOT_IDS[slot];
        }
      }
      slot = (slot + 1) & (SLOTS - 1);
    }
    return -1;
  }

  /**
   * The id of the ASCII letters s[from, to) read in lower case, or -1 for a word the lexicon does
   * not know. Allocates nothing.
   */
  static int id(CharSequence s, int from, int to) {
    int slot = hash(s, from, to) & (SLOTS - 1);
    int len = to - from;
    while (KEYS[slot] != null) {
      char[] k = KEYS[slot];
      if (k.length == len) {
        int i = 0;
        while (i < len && (s.charAt(from + i) | 0x20) == k[i]) {
          i++;
        }
        if (i == len) {
          return SLOT_IDS[slot];
        }
      }
      slot = (slot + 1) & (SLOTS - 1);
    }
    return -1;
  }

  /** Classes of a word id. */
  static int classes(int id) {
    return id < 0 ? 0 : ID_CLASSES[id];
  }

  /** Whether the word stays a word when glued to digits ("ICD10", "COVID-19"). */
  static boolean glueOk(int id) {
    return id >= 0 && ID_GLUE_OK[id];
  }

  /** Classes of two adjacent words read together, by id, or 0. */
  static int bigram(int first, int second) {
    if (first < 0 || second < 0) {
      return 0;
    }
    Integer c = BIGRAM_IDS.get(pair(first, second));
    return c == null ? 0 : c;
  }

  /** Classes of one lower-case word (or of its singular); 0 when the word says nothing. */
  /**
   * A word as OCR most often misreads a printed one, for labels the lexicon does not know as
   * written: "rn" for "m" ("Narna", "Alarnat"), "l" for "i" ("NlK", "Lahlr"), "I" or "i" for "l"
   * ("Tgi"). The first reading that is a known word, or null. Only short words are tried.
   */
  static String ocrRead(String word) {
    if (word.length() < 3 || word.length() > 24) {
      return null;
    }
    String lower = word.toLowerCase(java.util.Locale.ROOT);
    String[] readings = {
      lower.replace("rn", "m"),
      lower.replace('l', 'i'),
      lower.replace("rn", "m").replace('l', 'i'),
      lower.indexOf('i') >= 0
          ? lower.substring(0, lower.lastIndexOf('i'))
              + 'l'
              + lower.substring(lower.lastIndexOf('i') + 1)
          : lower,
      // "Lahlr": an i read as l inside the word (a word's first l is more often an l).
      lower.charAt(0) + lower.substring(1).replace('l', 'i')
    };
    for (String r : readings) {
      if (!r.equals(lower) && classesOfField(r) != 0) {
        return r;
      }
    }
    return null;
  }

  /** The id of a label misread by OCR (see {@link #ocrRead}), or -1. */
  static int ocrId(char[] s, int from, int to) {
    String word = new String(s, from, to - from);
    Integer cached = OCR_CACHE.get(word);
    if (cached != null) {
      return cached;
    }
    String read = ocrRead(word);
    int id = read == null ? -1 : id(read, 0, read.length());
    if (OCR_CACHE.size() > FIELD_CACHE_MAX) {
      OCR_CACHE.clear();
    }
    OCR_CACHE.put(word, id);
    return id;
  }

  /**
   * Words before a colon already read as OCR might misread them: a log or form repeats its keys
   * ("user:", "status:") on every line, and each reading tries four spellings.
   */
  private static final Map<String, Integer> OCR_CACHE = new ConcurrentHashMap<>();

  static int word(String lower) {
    Integer c = WORDS.get(lower);
    if (c == null && lower.length() > 3 && lower.endsWith("s")) {
      c = WORDS.get(lower.substring(0, lower.length() - 1));
    }
    return c == null ? 0 : c;
  }

  /** Classes of two adjacent lower-case words read together, or 0. */
  static int bigram(String first, String second) {
    Integer c = BIGRAMS.get(first.concat(" ").concat(second));
    return c == null ? 0 : c;
  }

  private static final Map<String, Integer> FIELD_CACHE = new ConcurrentHashMap<>();
  private static final int FIELD_CACHE_MAX = 8192;

  /**
   * Classes of a field name or column header: {@code no_hp}, {@code noHp}, {@code "No. HP"}, {@code
   * nomorKartuBPJS}, {@code https://fhir.kemkes.go.id/id/nik} all split into words.
   */
  static int field(String name) {
    if (name == null || name.isEmpty()) {
      return 0;
    }
    Integer cached = FIELD_CACHE.get(name);
    if (cached != null) {
      return cached;
    }
    int classes = computeField(name);
    if (FIELD_CACHE.size() > FIELD_CACHE_MAX) {
      FIELD_CACHE.clear();
    }
    FIELD_CACHE.put(name, classes);
    return classes;
  }

  private static int computeField(String name) {
    int classes = classesOfField(name);
    if (classes == 0) {
      // A label read from a scan ("Narna", "NlK", "Alarnat"): its letters as OCR confuses them.
      String read = ocrRead(name);
      if (read != null) {
        classes = classesOfField(read);
      }
    }
    if (HOLDER_NAMES.contains(name.toLowerCase(java.util.Locale.ROOT))
        || ((classes & NEUTRAL) != 0 && (classes & MEANINGFUL) == 0)) {
      classes |= HOLDER;
    }
    return classes;
  }

  /** Compiled once: String.replaceAll would compile it on every call. */
  private static final java.util.regex.Pattern NOT_ALNUM =
      java.util.regex.Pattern.compile("[^a-z0-9]+");

  private static int classesOfField(String name) {
    String exact = NOT_ALNUM.matcher(name.toLowerCase(java.util.Locale.ROOT)).replaceAll("");
    Integer whole = FIELDS.get(exact);
    if (whole != null) {
      return whole;
    }
    int classes = 0;
    String prev = null;
    int i = 0;
    int n = name.length();
    while (i < n) {
      char c = name.charAt(i);
      if (!Character.isLetter(c)) {
        if (!Character.isDigit(c)) {
          // A separator keeps the bigram chain; a digit run breaks it.
        } else {
          prev = null;
        }
        i++;
        continue;
      }
      int j = i + 1;
      while (j < n
          && Character.isLetter(name.charAt(j))
          && !(Character.isUpperCase(name.charAt(j))
              && Character.isLowerCase(name.charAt(j - 1)))) {
        j++;
      }
      String w = name.substring(i, j).toLowerCase(java.util.Locale.ROOT);
      int bi = prev == null ? 0 : bigram(prev, w);
      classes |= bi != 0 ? bi : word(w);
      prev = w;
      i = j;
    }
    return classes;
  }
}
