package dev.periksa.pii.corpus;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Synthetic values, true and look-alike, built from the published rules (REQUIREMENTS.md, ISO
 * 13616, ISO/IEC 7812, SSA), not from the detectors' code: the corpus must not inherit a detector's
 * mistakes. Every value is invented.
 */
final class Synth {
  final SplittableRandom r;

  Synth(SplittableRandom r) {
    this.r = r;
  }

  // ---------------------------------------------------------------- helpers

  int n(int bound) {
    return r.nextInt(bound);
  }

  boolean p(int percent) {
    return r.nextInt(100) < percent;
  }

  @SafeVarargs
  final <T> T pick(T... xs) {
    return xs[r.nextInt(xs.length)];
  }

  String digits(int count) {
    StringBuilder b = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      b.append((char) ('0' + r.nextInt(10)));
    }
    return b.toString();
  }

  String letters(int count) {
    StringBuilder b = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      b.append((char) ('A' + r.nextInt(26)));
    }
    return b.toString();
  }

  String alnum(int count) {
    String abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    StringBuilder b = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      b.append(abc.charAt(r.nextInt(abc.length())));
    }
    return b.toString();
  }

  String hex(int count) {
    StringBuilder b = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      b.append("0123456789abcdef".charAt(r.nextInt(16)));
    }
    return b.toString();
  }

  /** Splits a digit string into groups of the given sizes joined by a separator. */
  static String group(String s, String sep, int... sizes) {
    StringBuilder b = new StringBuilder();
    int at = 0;
    for (int i = 0; i < sizes.length && at < s.length(); i++) {
      if (i > 0) {
        b.append(sep);
      }
      int end = i == sizes.length - 1 ? s.length() : Math.min(s.length(), at + sizes[i]);
      b.append(s, at, end);
      at = end;
    }
    return b.toString();
  }

  // ---------------------------------------------------------------- people

  static final String[] FIRST_M = {
    "Budi",
    "Agus",
    "Andi",
    "Dedi",
    "Eko",
    "Hendra",
    "Joko",
    "Rudi",
    "Slamet",
    "Wahyu",
    "Yusuf",
    "Arif",
    "Bambang",
    "Dimas",
    "Fajar",
    "Gilang",
    "Hadi",
    "Irfan",
    "Made",
    "Putu",
    "Rizky",
    "Teguh",
    "Wayan",
    "Yoga",
    "Ahmad",
    "Muhammad",
    "Taufik",
    "Iwan",
    "Bayu",
    "Reza"
  };
  static final String[] FIRST_F = {
    "Siti", "Dewi", "Sri", "Ani", "Rina", "Wulan", "Indah", "Putri", "Ratna", "Yuni", "Fitri",
    "Ayu", "Diah", "Endang", "Kartika", "Lestari", "Maya", "Nur", "Novi", "Ketut", "Rahma", "Sari",
    "Tuti", "Utami", "Winda", "Nurul", "Annisa", "Dian"
  };
  static final String[] LAST = {
    "Santoso",
    "Wijaya",
    "Saputra",
    "Hidayat",
    "Nugroho",
    "Setiawan",
    "Pratama",
    "Kusuma",
    "Siregar",
    "Nasution",
    "Harahap",
    "Simanjuntak",
    "Gunawan",
    "Halim",
    "Susanto",
    "Wibowo",
    "Rahayu",
    "Lubis",
    "Purba",
    "Tanjung",
    "Hasibuan",
    "Sitompul",
    "Manurung",
    "Sinaga",
    "Utomo",
    "Rahman",
    "Hakim",
    "Kurniawan",
    "Permana",
    "Lestari"
  };
  static final String[] INTL_FIRST = {
    "John",
    "Mary",
    "James",
    "Linda",
    "Michael",
    "Sarah",
    "David",
    "Emma",
    "Wei",
    "Priya",
    "Sean",
    "Jürgen",
    "Anne-Marie",
    "José",
    "Fatima",
    "Hiroshi",
    "Olga",
    "Liam",
    "Chloe",
    "Ahmed"
  };
  static final String[] INTL_LAST = {
    "Smith", "Johnson", "García", "Müller", "O'Brien", "Nguyen", "Zhang", "Sharma", "Dupont",
    "Tanaka", "Kowalski", "Ivanova", "Brown", "Wilson", "Rossi", "Haddad", "van der Berg", "Lee"
  };

  /** A person: name parts, sex, birth date. */
  record Person(String first, String last, boolean female, LocalDate birth, boolean indonesian) {
    String full() {
      return last.isEmpty() ? first : first + " " + last;
    }
  }

  Person indonesian() {
    boolean female = r.nextBoolean();
    String first = female ? pick(FIRST_F) : pick(FIRST_M);
    // Many Indonesians have a single name.
    String last = p(12) ? "" : pick(LAST);
    if (p(10)) {
      first = first + " " + (female ? pick(FIRST_F) : pick(FIRST_M));
    }
    return new Person(first, last, female, birth(), true);
  }

  Person international() {
    boolean female = r.nextBoolean();
    return new Person(pick(INTL_FIRST), pick(INTL_LAST), female, birth(), false);
  }

  LocalDate birth() {
    if (p(3)) {
      // 29 February of a leap year: the NIK rule must accept it.
      int year = 1944 + 4 * n(16);
      return LocalDate.of(year, 2, 29);
    }
    return LocalDate.of(1940, 1, 1).plusDays(n(365 * 66));
  }

  /** A name written as a record would: as is, upper case, or "LAST, First". */
  String nameAsWritten(Person p) {
    String full = p.full();
    int k = n(10);
    if (k < 2) {
      return full.toUpperCase(Locale.ROOT);
    }
    if (k == 2 && !p.last().isEmpty()) {
      return p.last() + ", " + p.first();
    }
    return full;
  }

  static final String[] STREETS = {
    "Jl. Merdeka", "Jl. Sudirman", "Jl. Diponegoro", "Jl. Gajah Mada", "Jl. Pahlawan",
    "Jalan Ahmad Yani", "Jl. Imam Bonjol", "Jl. Hayam Wuruk", "Jl. Veteran", "Jl. Kartini",
    "Gg. Mawar", "Jl. Raya Bogor", "Komplek Griya Asri Blok C"
  };
  static final String[] CITIES = {
    "Jakarta Selatan",
    "Jakarta Pusat",
    "Bandung",
    "Bekasi",
    "Semarang",
    "Surakarta",
    "Yogyakarta",
    "Surabaya",
    "Malang",
    "Tangerang",
    "Denpasar",
    "Medan",
    "Padang",
    "Palembang",
    "Banda Aceh",
    "Pontianak",
    "Balikpapan",
    "Makassar",
    "Manado",
    "Jayapura",
    "Mataram",
    "Kupang"
  };

  String address() {
    StringBuilder b = new StringBuilder(pick(STREETS));
    b.append(p(70) ? " No. " + (1 + n(200)) : " " + (1 + n(99)));
    if (p(45)) {
      b.append(String.format(", RT %03d/RW %03d", 1 + n(15), 1 + n(12)));
    }
    if (p(30)) {
      b.append(", Kel. ").append(pick("Menteng", "Cempaka Putih", "Sukajadi", "Lowokwaru", "Kuta"));
    }
    b.append(", ").append(pick(CITIES));
    if (p(25)) {
      b.append(" ").append(10000 + n(89999));
    }
    return b.toString();
  }

  String intlAddress() {
    return switch (n(5)) {
      case 0 ->
          (10 + n(9000))
              + " "
              + pick("Oak", "Maple", "Main", "Cedar")
              + " Street, "
              + pick("Springfield, IL 62704", "Austin, TX 78701", "Portland, OR 97205");
      case 1 ->
          (1 + n(300))
              + " "
              + pick("Baker Street", "High Street", "Station Road")
              + ", London "
              + pick("NW1 6XE", "SE1 9SG", "E1 6AN");
      case 2 ->
          pick("Hauptstraße", "Bahnhofstraße", "Gartenweg")
              + " "
              + (1 + n(90))
              + ", "
              + pick("10115 Berlin", "80331 München", "50667 Köln");
      case 3 ->
          (1 + n(150))
              + " "
              + pick("rue de Rivoli", "avenue Victor Hugo")
              + ", "
              + pick("75001 Paris", "69002 Lyon");
      default ->
          "Blk "
              + (100 + n(800))
              + " "
              + pick("Ang Mo Kio Ave 3", "Tampines St 21")
              + ", #"
              + String.format("%02d-%02d", 1 + n(20), 1 + n(99))
              + ", Singapore "
              + (100000 + n(800000));
    };
  }

  String email(Person p) {
    String f = ascii(p.first().split(" ")[0]).toLowerCase(Locale.ROOT);
    String l =
        ascii(p.last().isEmpty() ? pick(LAST) : p.last().replace(" ", "")).toLowerCase(Locale.ROOT);
    String local =
        switch (n(6)) {
          case 0 -> f + "." + l;
          case 1 -> f + "_" + l + (n(90) + 10);
          case 2 -> f + l + (1960 + n(45));
          case 3 -> f.charAt(0) + "." + l;
          case 4 -> f + "+" + pick("klinik", "lab", "ehac");
          default -> f + n(1000);
        };
    String domain =
        pick(
            "gmail.com",
            "yahoo.co.id",
            "yahoo.com",
            "outlook.com",
            "hotmail.com",
            "ymail.com",
            "icloud.com",
            "proton.me",
            "example.org",
            "mail.rsud-bandung.go.id",
            "klinik-sehat.co.id",
            "student.ui.ac.id");
    String e = local + "@" + domain;
    return p(10) ? Character.toUpperCase(e.charAt(0)) + e.substring(1) : e;
  }

  static String ascii(String s) {
    return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD)
        .replaceAll("[^A-Za-z]", "");
  }

  // ---------------------------------------------------------------- NIK

  /** Province codes of REQUIREMENTS.md, kept here on their own. */
  static final int[] PROVINCES = {
    11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65,
    71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96
  };

  String nik(Person person) {
    return nik(PROVINCES[n(PROVINCES.length)], 1 + n(30), person);
  }

  String nik(int province, int regency, Person person) {
    int district = 1 + n(40);
    int day = person.birth().getDayOfMonth() + (person.female() ? 40 : 0);
    int serial = p(80) ? 1 + n(999) : 1 + n(9999);
    return String.format(
        "%02d%02d%02d%02d%02d%02d%04d",
        province,
        regency,
        district,
        day,
        person.birth().getMonthValue(),
        person.birth().getYear() % 100,
        serial);
  }

  /**
   * Sixteen digits that are a valid NIK AND a Luhn-valid card number of a real issuer range: the
   * province (and regency) chosen so that the first digits fall in Mastercard 51-53, JCB 3528-3589,
   * Discover 644-649 and 65, or UnionPay 62.
   */
  String nikShapedCard(Person person) {
    int kind = n(5);
    int province;
    int regency;
    switch (kind) {
      case 0 -> {
        province = 35; // JCB 3528-3589
        regency = 28 + n(62);
      }
      case 1 -> {
        province = 64; // Discover 644-649
        regency = 40 + n(10);
      }
      case 2 -> {
        province = 65; // Discover 65
        regency = 1 + n(30);
      }
      case 3 -> {
        province = 62; // UnionPay 62
        regency = 1 + n(30);
      }
      default -> {
        province = 51 + n(3); // Mastercard 51-53
        regency = 1 + n(30);
      }
    }
    for (int attempt = 0; ; attempt++) {
      String s = nik(province, regency, attempt > 50 ? indonesian() : person);
      if (luhn(s) && !s.endsWith("0000")) {
        return s;
      }
    }
  }

  /** A NIK of a Balinese, Lombok or Flores resident that also passes Luhn (Mastercard range). */
  String nikPassingLuhn(Person person) {
    for (int attempt = 0; ; attempt++) {
      String s = nik(51 + n(3), 1 + n(30), attempt > 50 ? indonesian() : person);
      if (luhn(s)) {
        return s;
      }
    }
  }

  /**
   * The NIK rule of REQUIREMENTS.md, written here on its own so that the corpus never asks the
   * engine what a NIK is.
   */
  static boolean nikValid(String s) {
    if (!s.matches("[0-9]{16}")) {
      return false;
    }
    int province = Integer.parseInt(s.substring(0, 2));
    boolean known = false;
    for (int p : PROVINCES) {
      known |= p == province;
    }
    int day = Integer.parseInt(s.substring(6, 8));
    int month = Integer.parseInt(s.substring(8, 10));
    if (day > 40) {
      day -= 40;
    }
    int[] monthDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return known
        && !s.startsWith("00", 2)
        && !s.startsWith("00", 4)
        && !s.endsWith("0000")
        && month >= 1
        && month <= 12
        && day >= 1
        && day <= monthDays[month - 1];
  }

  /**
   * A card number to be written with no word that says "card": grouped when its digits would also
   * make a valid NIK, because written together with no label such a number is a NIK to any reader.
   */
  String cardNoContext() {
    String d = cardDigits();
    if (nikValid(d)) {
      return group(d, " ", 4, 4, 4, 4, 3);
    }
    return layoutCard(d);
  }

  /** Sixteen digits that break one rule of the NIK's structure. */
  String nikLikeInvalid() {
    int province = PROVINCES[n(PROVINCES.length)];
    int regency = 1 + n(30);
    int district = 1 + n(40);
    LocalDate d = LocalDate.of(1940, 1, 1).plusDays(n(365 * 66));
    int day = d.getDayOfMonth() + (p(50) ? 40 : 0);
    int month = d.getMonthValue();
    int serial = 1 + n(9999);
    switch (n(7)) {
      case 0 ->
          province =
              pick(
                  0, 10, 20, 22, 27, 30, 37, 40, 45, 50, 54, 58, 60, 66, 70, 77, 80, 83, 88, 90, 97,
                  99);
      case 1 -> regency = 0;
      case 2 -> district = 0;
      case 3 -> day = pick(0, 32, 35, 39, 40, 72, 80, 95);
      case 4 -> month = pick(0, 13, 19, 20, 31, 45, 99);
      case 5 -> serial = 0;
      default -> {
        month = 2;
        day = pick(30, 31, 70, 71);
      }
    }
    return String.format(
        "%02d%02d%02d%02d%02d%02d%04d",
        province, regency, district, day, month, d.getYear() % 100, serial);
  }

  // ---------------------------------------------------------------- phones

  static final String[] OPERATORS = {
    "811", "812", "813", "821", "822", "823", "851", "852", "853", "814", "815", "816", "855",
    "856", "857", "858", "817", "818", "819", "859", "877", "878", "831", "832", "833", "838",
    "895", "896", "897", "898", "899", "881", "882", "883", "887", "888"
  };

  /** National significant number of an Indonesian mobile: 8xx then 7 to 9 digits. */
  String mobileDigits() {
    return pick(OPERATORS) + digits(7 + n(3));
  }

  /**
   * An Indonesian mobile number as people write it.
   *
   * @param bareCountryCode whether "62..." without a plus may be chosen (only where a label says
   *     phone: alone it is indistinguishable from any other number)
   */
  String phone(boolean bareCountryCode) {
    String nsn = mobileDigits();
    String op = nsn.substring(0, 3);
    String rest = nsn.substring(3);
    int[] restGroups =
        rest.length() == 7
            ? new int[] {3, 4}
            : rest.length() == 8 ? new int[] {4, 4} : new int[] {4, 5};
    String sep = pick("-", " ", "-", ".");
    int prefix = n(100);
    if (prefix < 52) {
      return switch (n(4)) {
        case 0, 1 -> "0" + nsn;
        case 2 -> "0" + op + sep + group(rest, sep, restGroups);
        default -> "(0" + op + ") " + group(rest, sep, restGroups);
      };
    }
    if (prefix < 90 || !bareCountryCode) {
      return switch (n(5)) {
        case 0, 1 -> "+62" + nsn;
        case 2 -> "+62 " + op + sep + group(rest, sep, restGroups);
        case 3 -> "+62-" + op + "-" + group(rest, "-", restGroups);
        default -> "(+62) " + op + " " + group(rest, " ", restGroups);
      };
    }
    return p(60) ? "62" + nsn : "62 " + op + " " + group(rest, " ", restGroups);
  }

  /** A foreign phone number, as a patient abroad would give it. */
  String foreignPhone() {
    return switch (n(6)) {
      case 0 -> "+1 " + (200 + n(700)) + " 555 " + String.format("%04d", n(10000));
      case 1 -> "+44 20 " + digits(4) + " " + digits(4);
      case 2 -> "+60 1" + n(10) + "-" + digits(3) + " " + digits(4);
      case 3 -> "+65 " + pick("8", "9") + digits(3) + " " + digits(4);
      case 4 -> "+61 4" + digits(2) + " " + digits(3) + " " + digits(3);
      default -> "+31 6 " + digits(4) + " " + digits(4);
    };
  }

  /** An office landline (not personal): area code then number. */
  String landline() {
    String area = pick("21", "22", "24", "31", "61", "274", "361", "411");
    String num = digits(area.length() == 2 ? 8 : 6);
    return switch (n(4)) {
      case 0 -> "(0" + area + ") " + group(num, "-", 4, 4);
      case 1 -> "0" + area + "-" + num;
      case 2 -> "+62 " + area + " " + group(num, " ", 4, 4);
      default -> "0" + area + " " + num;
    };
  }

  // ---------------------------------------------------------------- documents

  String passport() {
    return switch (n(10)) {
      case 0, 1, 2, 3, 4 -> pick("A", "B", "C", "E", "X") + digits(7); // Indonesia
      case 5 -> "A" + digits(8); // Malaysia
      case 6 -> pick("PA", "PB", "N") + digits(7); // Australia
      case 7 -> (1 + n(9)) + digits(8); // United States: nine digits
      case 8 -> pick("TK", "TR", "MZ") + digits(7); // Japan
      default -> pick("J", "K", "L", "M") + digits(7); // India
    };
  }

  String bpjs() {
    return p(85) ? "000" + digits(10) : (1 + n(9)) + digits(12);
  }

  String mrn() {
    return switch (n(9)) {
      case 0 -> String.format("%06d", n(1000000));
      case 1 -> String.format("%02d-%02d-%02d", n(100), n(100), n(100));
      case 2 -> String.format("%02d.%02d.%02d", n(100), n(100), n(100));
      case 3 -> "RM-" + digits(6);
      case 4 -> "RM" + digits(7);
      case 5 -> "MRN" + digits(7);
      case 6 -> "MR-" + (2015 + n(9)) + "-" + digits(6);
      case 7 -> digits(8);
      default -> (1 + n(9)) + digits(6);
    };
  }

  // ---------------------------------------------------------------- health

  /** ICD-10 codes with Indonesian and English descriptions. */
  static final String[][] ICD = {
    {"U07.1", "COVID-19, virus teridentifikasi", "COVID-19, virus identified"},
    {"U07.2", "COVID-19, virus tidak teridentifikasi", "COVID-19, virus not identified"},
    {"J18.9", "Pneumonia", "Pneumonia, unspecified organism"},
    {"J06.9", "ISPA", "Acute upper respiratory infection"},
    {"A09", "Diare dan gastroenteritis", "Infectious gastroenteritis"},
    {"A90", "Demam dengue", "Dengue fever"},
    {"A91", "Demam berdarah dengue", "Dengue haemorrhagic fever"},
    {"A15.0", "TB paru", "Tuberculosis of lung"},
    {"A01.0", "Demam tifoid", "Typhoid fever"},
    {"E11.9", "Diabetes melitus tipe 2", "Type 2 diabetes mellitus"},
    {"I10", "Hipertensi esensial", "Essential hypertension"},
    {"J45.9", "Asma", "Asthma, unspecified"},
    {"K29.7", "Gastritis", "Gastritis, unspecified"},
    {"N39.0", "Infeksi saluran kemih", "Urinary tract infection"},
    {"B20", "Penyakit HIV", "HIV disease"},
    {"B18.1", "Hepatitis B kronis", "Chronic viral hepatitis B"},
    {"O80", "Persalinan normal", "Single spontaneous delivery"},
    {"R50.9", "Demam", "Fever, unspecified"},
    {"I21.9", "Infark miokard akut", "Acute myocardial infarction"},
    {"C50.9", "Kanker payudara", "Malignant neoplasm of breast"},
    {"F32.9", "Depresi", "Depressive episode"},
    {"J44.9", "PPOK", "Chronic obstructive pulmonary disease"},
    {"Z20.8", "Kontak dengan penyakit menular", "Contact with communicable disease"},
    {"E78.5", "Hiperlipidemia", "Hyperlipidaemia"},
    {"K35.8", "Apendisitis akut", "Acute appendicitis"},
    {"S72.0", "Fraktur leher femur", "Fracture of neck of femur"}
  };

  String[] icd() {
    String[] c = ICD[n(ICD.length)];
    if (p(8) && c[0].contains(".")) {
      // Claims and some SIMRS exports drop the dot.
      return new String[] {c[0].replace(".", ""), c[1], c[2]};
    }
    return c;
  }

  /** A test result as a lab writes it, Indonesian or English. */
  String result(boolean indonesian, boolean covid) {
    boolean pos = p(30);
    String s;
    if (covid) {
      s =
          indonesian
              ? (p(75) ? (pos ? "Positif" : "Negatif") : (pos ? "Terdeteksi" : "Tidak Terdeteksi"))
              : (p(55) ? (pos ? "Positive" : "Negative") : (pos ? "Detected" : "Not Detected"));
    } else {
      s =
          indonesian
              ? (pos ? "Reaktif" : pick("Non Reaktif", "Non-Reaktif"))
              : (pos ? "Reactive" : "Non-reactive");
    }
    return switch (n(5)) {
      case 0, 1 -> s.toUpperCase(Locale.ROOT);
      case 2 -> s.toLowerCase(Locale.ROOT);
      default -> s;
    };
  }

  // ---------------------------------------------------------------- US, cards, banks

  String ssn() {
    int area;
    do {
      area = 1 + n(899);
    } while (area == 666);
    String d = String.format("%03d%02d%04d", area, 1 + n(99), 1 + n(9999));
    return switch (n(10)) {
      case 0, 1 -> d;
      case 2 -> group(d, " ", 3, 2, 4);
      default -> group(d, "-", 3, 2, 4);
    };
  }

  /** Nine digits shaped like an SSN that the SSA never issues (or an ITIN, area 9xx). */
  String ssnInvalid() {
    String area = String.format("%03d", 1 + n(665));
    String grp = String.format("%02d", 1 + n(99));
    String ser = String.format("%04d", 1 + n(9999));
    switch (n(5)) {
      case 0 -> area = "000";
      case 1 -> area = "666";
      case 2 -> area = String.valueOf(900 + n(100));
      case 3 -> grp = "00";
      default -> ser = "0000";
    }
    return area + "-" + grp + "-" + ser;
  }

  static boolean luhn(String digits) {
    int sum = 0;
    boolean twice = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (twice) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      twice = !twice;
    }
    return sum % 10 == 0;
  }

  String withLuhn(String body) {
    for (int c = 0; c < 10; c++) {
      if (luhn(body + c)) {
        return body + c;
      }
    }
    throw new IllegalStateException();
  }

  /** A card number of a real issuer range with a valid check digit, compact. */
  String cardDigits() {
    String prefix;
    int length = 16;
    switch (n(12)) {
      case 0, 1, 2, 3 -> {
        prefix = "4";
        length = p(8) ? 13 : 16;
      }
      case 4, 5, 6 -> prefix = p(70) ? String.valueOf(51 + n(5)) : String.valueOf(2221 + n(500));
      case 7 -> {
        prefix = pick("34", "37");
        length = 15;
      }
      case 8 -> prefix = pick("6011", String.valueOf(644 + n(6)), "65");
      case 9 -> prefix = String.valueOf(3528 + n(62));
      case 10 -> {
        prefix = pick("36", String.valueOf(300 + n(6)));
        length = 14;
      }
      default -> {
        prefix = "62";
        length = p(25) ? 19 : 16;
      }
    }
    return withLuhn(prefix + digits(length - 1 - prefix.length()));
  }

  /** A card number written as people write it: compact or grouped by its brand's layout. */
  String card() {
    return layoutCard(cardDigits());
  }

  String layoutCard(String d) {
    if (p(40)) {
      return d;
    }
    String sep = p(75) ? " " : "-";
    return switch (d.length()) {
      case 15 -> group(d, sep, 4, 6, 5);
      case 14 -> group(d, sep, 4, 6, 4);
      case 13 -> group(d, sep, 4, 3, 3, 3);
      default -> group(d, sep, 4, 4, 4, 4, 3);
    };
  }

  /** A card-shaped number whose check digit is wrong. */
  String cardBadCheck() {
    String good = cardDigits();
    int last = good.charAt(good.length() - 1) - '0';
    return layoutCard(good.substring(0, good.length() - 1) + ((last + 1 + n(8)) % 10));
  }

  /**
   * Countries, IBAN lengths (SWIFT IBAN registry) and BBAN layouts (n digit, a letter, c letter or
   * digit); the static check below keeps the layouts honest to the lengths.
   */
  static final String[][] IBAN_COUNTRIES = {
    {"DE", "22", "nnnnnnnnnnnnnnnnnn"},
    {"GB", "22", "aaaannnnnnnnnnnnnn"},
    {"NL", "18", "aaaannnnnnnnnn"},
    {"FR", "27", "nnnnnnnnnncccccccccccnn"},
    {"ES", "24", "nnnnnnnnnnnnnnnnnnnn"},
    {"IT", "27", "a" + "n".repeat(10) + "c".repeat(12)},
    {"BE", "16", "nnnnnnnnnnnn"},
    {"CH", "21", "nnnnn" + "c".repeat(12)},
    {"AT", "20", "nnnnnnnnnnnnnnnn"},
    {"SA", "24", "nn" + "c".repeat(18)},
    {"AE", "23", "nnnnnnnnnnnnnnnnnnn"},
    {"PL", "28", "nnnnnnnnnnnnnnnnnnnnnnnn"},
    {"IE", "22", "aaaannnnnnnnnnnnnn"},
    {"NO", "15", "nnnnnnnnnnn"},
    {"SE", "24", "nnnnnnnnnnnnnnnnnnnn"},
    {"DK", "18", "nnnnnnnnnnnnnn"},
    {"PT", "25", "nnnnnnnnnnnnnnnnnnnnn"}
  };

  static {
    for (String[] c : IBAN_COUNTRIES) {
      if (c[2].length() + 4 != Integer.parseInt(c[1])) {
        throw new IllegalStateException("IBAN layout of " + c[0] + " has the wrong length");
      }
    }
  }

  String ibanCompact() {
    String[] c = IBAN_COUNTRIES[n(IBAN_COUNTRIES.length)];
    StringBuilder bban = new StringBuilder();
    for (char k : c[2].toCharArray()) {
      bban.append(
          switch (k) {
            case 'n' -> (char) ('0' + n(10));
            case 'a' -> (char) ('A' + n(26));
            default -> p(70) ? (char) ('0' + n(10)) : (char) ('A' + n(26));
          });
    }
    int check = 98 - mod97(bban + c[0] + "00");
    return c[0] + String.format("%02d", check) + bban;
  }

  static int mod97(String s) {
    StringBuilder num = new StringBuilder();
    for (char ch : s.toCharArray()) {
      num.append(Character.isDigit(ch) ? String.valueOf(ch) : String.valueOf(ch - 'A' + 10));
    }
    return new BigInteger(num.toString()).mod(BigInteger.valueOf(97)).intValue();
  }

  String layoutIban(String compact) {
    if (p(50)) {
      return compact;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < compact.length(); i += 4) {
      if (i > 0) {
        b.append(' ');
      }
      b.append(compact, i, Math.min(compact.length(), i + 4));
    }
    return b.toString();
  }

  String iban() {
    return layoutIban(ibanCompact());
  }

  /** An IBAN with one BBAN digit changed: mod 97 catches every single substitution. */
  String ibanBadCheck() {
    String good = ibanCompact();
    char[] cs = good.toCharArray();
    for (int i = cs.length - 1; i > 4; i--) {
      if (Character.isDigit(cs[i])) {
        cs[i] = (char) ('0' + ((cs[i] - '0' + 1 + n(8)) % 10));
        break;
      }
    }
    return layoutIban(new String(cs));
  }

  String jwt() {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header =
        b64.encodeToString(
            ("{\"alg\":\"" + pick("HS256", "RS256") + "\",\"typ\":\"JWT\"}")
                .getBytes(StandardCharsets.UTF_8));
    String payload =
        b64.encodeToString(
            ("{\"sub\":\"user-"
                    + n(100000)
                    + "\",\"iat\":"
                    + (1600000000 + n(100000000))
                    + ",\"role\":\""
                    + pick("traveller", "admin", "petugas")
                    + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    byte[] sig = new byte[32];
    for (int i = 0; i < sig.length; i++) {
      sig[i] = (byte) n(256);
    }
    return header + "." + payload + "." + b64.encodeToString(sig);
  }

  // ---------------------------------------------------------------- dates

  static final String[] BULAN = {
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember"
  };
  static final String[] BLN = {
    "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"
  };
  static final String[] MONTH = {
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December"
  };
  static final String[] MON = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
  };

  /** A date as Indonesian records write it. */
  String dateId(LocalDate d) {
    int day = d.getDayOfMonth();
    int m = d.getMonthValue();
    int y = d.getYear();
    return switch (n(9)) {
      case 0, 1 -> String.format("%04d-%02d-%02d", y, m, day);
      case 2 -> String.format("%02d-%02d-%04d", day, m, y);
      case 3 -> String.format("%02d/%02d/%04d", day, m, y);
      case 4 -> String.format("%02d.%02d.%04d", day, m, y);
      case 5, 6 -> day + " " + BULAN[m - 1] + " " + y;
      case 7 -> String.format("%02d %s %04d", day, BLN[m - 1], y);
      default -> String.format("%d-%s-%04d", day, BLN[m - 1], y);
    };
  }

  /** A date as English-language records write it. */
  String dateEn(LocalDate d) {
    int day = d.getDayOfMonth();
    int m = d.getMonthValue();
    int y = d.getYear();
    return switch (n(7)) {
      case 0, 1 -> String.format("%04d-%02d-%02d", y, m, day);
      case 2 -> String.format("%02d/%02d/%04d", m, day, y);
      case 3 -> MONTH[m - 1] + " " + day + ", " + y;
      case 4 -> day + " " + MONTH[m - 1] + " " + y;
      case 5 -> String.format("%02d-%s-%04d", day, MON[m - 1], y);
      default -> MON[m - 1] + " " + day + ", " + y;
    };
  }

  LocalDate recent() {
    return LocalDate.of(2020, 3, 1).plusDays(n(1500));
  }

  String isoTimestamp() {
    LocalDate d = recent();
    String t = String.format("%02d:%02d:%02d", n(24), n(60), n(60));
    return switch (n(4)) {
      case 0 -> d + "T" + t + "Z";
      case 1 -> d + " " + t;
      case 2 -> d + "T" + t + "." + digits(3) + "+07:00";
      default -> d.toString().replace("-", "") + t.replace(":", "");
    };
  }

  String epochMillis() {
    return String.valueOf(1_580_000_000_000L + (long) (r.nextDouble() * 150_000_000_000L));
  }

  String epochSeconds() {
    return String.valueOf(1_580_000_000L + n(150_000_000));
  }

  // ---------------------------------------------------------------- look-alikes

  String version() {
    return switch (n(5)) {
      case 0 -> n(5) + "." + n(30) + "." + n(20);
      case 1 -> "v" + n(5) + "." + n(30) + "." + n(20);
      case 2 -> "10.0." + (17000 + n(5000)) + "." + n(2000);
      case 3 -> n(5) + "." + n(30) + "." + n(20) + "-" + pick("beta", "rc") + "." + n(9);
      default -> n(30) + "." + n(12) + "." + n(9) + "." + n(9999);
    };
  }

  String isbn13() {
    String body = "978" + pick("602", "623", "979") + digits(6);
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      sum += (body.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
    }
    String full = body + ((10 - sum % 10) % 10);
    return p(50) ? full : group(full, "-", 3, 3, 2, 4, 1);
  }

  String ean13() {
    String body = "899" + digits(9);
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      sum += (body.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
    }
    return body + ((10 - sum % 10) % 10);
  }

  String uuid() {
    return hex(8)
        + "-"
        + hex(4)
        + "-4"
        + hex(3)
        + "-"
        + pick("8", "9", "a", "b")
        + hex(3)
        + "-"
        + hex(12);
  }

  String coordinates() {
    double lat = -11 + r.nextDouble() * 17;
    double lon = 95 + r.nextDouble() * 46;
    return String.format(Locale.ROOT, "%.6f, %.6f", lat, lon);
  }

  String priceIdr() {
    long v = (5 + n(5000)) * 1000L;
    String grouped = String.format(Locale.GERMANY, "%,d", v);
    return switch (n(4)) {
      case 0 -> "Rp " + grouped;
      case 1 -> "Rp" + grouped + ",00";
      case 2 -> "IDR " + String.format(Locale.ROOT, "%,d", v);
      default -> "Rp. " + grouped;
    };
  }

  /** Sixteen digits as an order number: structure-failing, or structure-passing with a label. */
  String orderNumber16() {
    return p(50) ? nikLikeInvalid() : (1 + n(9)) + digits(15);
  }

  /** Digits shaped like an Indonesian mobile number that are an invoice or booking number. */
  String phoneShapedNumber() {
    return "08" + digits(8 + n(4));
  }

  String trackingNumber() {
    return switch (n(3)) {
      case 0 -> "JP" + digits(10);
      case 1 -> pick("CGK", "SUB", "BDO") + digits(12);
      default -> digits(12);
    };
  }

  String invoiceCode() {
    LocalDate d = recent();
    return switch (n(3)) {
      case 0 ->
          "INV/" + d.toString().replace("-", "") + "/" + pick("MPL", "XVIII") + "/" + digits(10);
      case 1 -> "INV-" + phoneShapedNumber();
      default ->
          "INV-"
              + String.format("%02d%02d", d.getMonthValue(), d.getDayOfMonth())
              + "-"
              + d.getYear()
              + "-"
              + String.format("%04d", n(10000));
    };
  }

  String ipAddress() {
    return pick("10", "172", "192") + "." + n(256) + "." + n(256) + "." + (1 + n(254));
  }

  String hospitalName() {
    return pick(
            "RSUD",
            "RS",
            "RSU",
            "RS Islam",
            "RS Siloam",
            "RS Mitra Keluarga",
            "RSIA",
            "Klinik",
            "Puskesmas",
            "RS Bhayangkara")
        + " "
        + pick(LAST)
        + " "
        + pick(CITIES);
  }
}
