package dev.periksa.pii.gate;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** Identifiers, numbers, dates and phone numbers as they are written, built without locale. */
final class GateValues {
  private GateValues() {}

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
  static final String[] DAY_EN = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  static final String[] HARI = {"Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"};

  static String pad(long v, int width) {
    StringBuilder b = new StringBuilder(Long.toString(v));
    while (b.length() < width) {
      b.insert(0, '0');
    }
    return b.toString();
  }

  static String up(String s) {
    return s.toUpperCase(Locale.ROOT);
  }

  static String low(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /** First letter of each word upper case, the rest as given. */
  static String cap(String s) {
    return s.isEmpty() ? s : up(s.substring(0, 1)) + s.substring(1);
  }

  static String title(String s) {
    StringBuilder b = new StringBuilder();
    boolean start = true;
    for (char c : low(s).toCharArray()) {
      b.append(start ? Character.toUpperCase(c) : c);
      start = c == ' ' || c == '-';
    }
    return b.toString();
  }

  // ---------------------------------------------------------------- dates and times

  static LocalDate day(GateRng r) {
    // 2022-01-01 .. 2025-06-30
    return LocalDate.of(2022, 1, 1).plusDays(r.below(1277));
  }

  static String dmy(LocalDate d, String sep) {
    return pad(d.getDayOfMonth(), 2) + sep + pad(d.getMonthValue(), 2) + sep + d.getYear();
  }

  static String iso(LocalDate d) {
    return d.getYear() + "-" + pad(d.getMonthValue(), 2) + "-" + pad(d.getDayOfMonth(), 2);
  }

  static String compact(LocalDate d) {
    return d.getYear() + pad(d.getMonthValue(), 2) + pad(d.getDayOfMonth(), 2);
  }

  static String longId(LocalDate d) {
    return d.getDayOfMonth() + " " + BULAN[d.getMonthValue() - 1] + " " + d.getYear();
  }

  static String shortId(LocalDate d) {
    return pad(d.getDayOfMonth(), 2) + " " + BLN[d.getMonthValue() - 1] + " " + d.getYear();
  }

  static String longEn(LocalDate d) {
    return d.getDayOfMonth() + " " + MONTH[d.getMonthValue() - 1] + " " + d.getYear();
  }

  static String usEn(LocalDate d) {
    return MONTH[d.getMonthValue() - 1] + " " + d.getDayOfMonth() + ", " + d.getYear();
  }

  static String shortEn(LocalDate d) {
    return pad(d.getDayOfMonth(), 2) + "-" + MON[d.getMonthValue() - 1] + "-" + d.getYear();
  }

  /** A date as Indonesian documents write it, in one of several formats. */
  static String dateId(GateRng r, LocalDate d) {
    switch (r.below(6)) {
      case 0:
        return dmy(d, "/");
      case 1:
        return longId(d);
      case 2:
        return iso(d);
      case 3:
        return shortId(d);
      default:
        return dmy(d, "-");
    }
  }

  /** A date as English documents write it. */
  static String dateEn(GateRng r, LocalDate d) {
    switch (r.below(5)) {
      case 0:
        return longEn(d);
      case 1:
        return usEn(d);
      case 2:
        return shortEn(d);
      case 3:
        return dmy(d, "/");
      default:
        return iso(d);
    }
  }

  static String hm(GateRng r) {
    return pad(r.between(6, 21), 2) + ":" + pad(r.below(60), 2);
  }

  static String hms(GateRng r) {
    return hm(r) + ":" + pad(r.below(60), 2);
  }

  static long epoch(LocalDate d, int secondsOfDay) {
    return d.toEpochDay() * 86400L + secondsOfDay - 7 * 3600;
  }

  /** RFC 5322 date in WIB. */
  static String mailDate(LocalDate d, String hms) {
    return DAY_EN[d.getDayOfWeek().getValue() - 1]
        + ", "
        + d.getDayOfMonth()
        + " "
        + MON[d.getMonthValue() - 1]
        + " "
        + d.getYear()
        + " "
        + hms
        + " +0700";
  }

  // ---------------------------------------------------------------- identity numbers

  /** A NIK: region, district, birth date (day + 40 for women) and serial. */
  static String nik(GateVocab.Place p, int district, LocalDate birth, boolean female, int serial) {
    int dd = birth.getDayOfMonth() + (female ? 40 : 0);
    return p.prov()
        + p.reg()
        + pad(district, 2)
        + pad(dd, 2)
        + pad(birth.getMonthValue(), 2)
        + pad(birth.getYear() % 100, 2)
        + pad(serial, 4);
  }

  /** A family card number: region, issue date and serial. It is not a NIK. */
  static String kk(GateVocab.Place p, int district, LocalDate issued, GateRng r) {
    return p.prov()
        + p.reg()
        + pad(district, 2)
        + pad(issued.getDayOfMonth(), 2)
        + pad(issued.getMonthValue(), 2)
        + pad(issued.getYear() % 100, 2)
        + pad(r.between(1, 40), 4);
  }

  static String bpjs(GateRng r) {
    return "000" + r.digits(10);
  }

  static int luhnCheck(String payload) {
    int sum = 0;
    boolean dbl = true;
    for (int i = payload.length() - 1; i >= 0; i--) {
      int d = payload.charAt(i) - '0';
      if (dbl) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      dbl = !dbl;
    }
    return (10 - sum % 10) % 10;
  }

  /** Card digits: Visa, Mastercard, JCB or American Express, Luhn-valid. */
  static String card(GateRng r) {
    String payload;
    switch (r.below(7)) {
      case 0:
      case 1:
      case 2:
        payload = "4" + r.digits(14);
        break;
      case 3:
      case 4:
        payload = "5" + r.between(1, 5) + r.digits(13);
        break;
      case 5:
        payload = "35" + r.between(28, 89) + r.digits(11);
        break;
      default:
        payload = "3" + r.pick("4", "7") + r.digits(12);
        break;
    }
    return payload + luhnCheck(payload);
  }

  static String cardWritten(GateRng r, String digits) {
    int style = r.below(4);
    if (style == 0) {
      return digits;
    }
    String sep = style == 3 ? "-" : " ";
    if (digits.length() == 15) {
      return digits.substring(0, 4) + sep + digits.substring(4, 10) + sep + digits.substring(10);
    }
    return digits.substring(0, 4)
        + sep
        + digits.substring(4, 8)
        + sep
        + digits.substring(8, 12)
        + sep
        + digits.substring(12);
  }

  static String cardMasked(GateRng r) {
    String d = card(r);
    return r.chance(0.5)
        ? d.substring(0, 6) + "******" + d.substring(d.length() - 4)
        : "**** **** **** " + d.substring(d.length() - 4);
  }

  static final List<String> KPP =
      List.of(
          "423", "027", "542", "517", "613", "122", "403", "901", "801", "518", "043", "922", "211",
          "331");

  static String npwpDots(String d15) {
    return d15.substring(0, 2)
        + "."
        + d15.substring(2, 5)
        + "."
        + d15.substring(5, 8)
        + "."
        + d15.charAt(8)
        + "-"
        + d15.substring(9, 12)
        + "."
        + d15.substring(12);
  }

  /** A person's NPWP, 15 digits, as written: dotted mostly, sometimes bare. */
  static String npwpPerson(GateRng r) {
    String head =
        r.pick(
            "04", "05", "06", "07", "08", "09", "07", "08", "09", "24", "25", "35", "36", "44",
            "45", "54", "55", "66", "67", "73", "75", "76", "79", "86", "88", "96", "97", "98");
    String first8 = head + r.digits(6);
    String d15 = first8 + luhnCheck(first8) + r.pick(KPP) + "000";
    return r.chance(0.85) ? npwpDots(d15) : d15;
  }

  /** A person's 16-digit NPWP (0 + the old 15 digits). */
  static String npwp16(GateRng r) {
    String first8 = r.pick("07", "08", "09", "25", "35", "45", "55", "75") + r.digits(6);
    return "0" + first8 + luhnCheck(first8) + r.pick(KPP) + "000";
  }

  /** A company's NPWP (starts 01-03): a negative. */
  static String npwpCompany(GateRng r) {
    String first8 = r.pick("01", "02", "03") + r.digits(6);
    return npwpDots(first8 + luhnCheck(first8) + r.pick(KPP) + r.pick("000", "000", "001"));
  }

  /** An Indonesian passport number: one letter and seven digits. */
  static String passportId(GateRng r) {
    return r.pick("A", "B", "C", "C", "E", "X") + r.digitsNz(7);
  }

  static String passport(GateRng r, String country) {
    switch (country) {
      case "US":
        return r.chance(0.5) ? r.digitsNz(9) : r.pick("A", "B", "C") + r.digits(8);
      case "GB":
        return r.digitsNz(9);
      case "DE":
        return r.pick("C", "F", "G", "H", "J", "K") + r.letters(8, "CFGHJKLMNPRTVWXYZ0123456789");
      case "NL":
        return r.letters(2, "ABCDEFGHIJKLMNPRSTUVWXYZ")
            + r.letters(6, "ABCDEFGHIJKLMNPRSTUVWXYZ0123456789")
            + r.digits(1);
      case "AU":
        return r.pick("PA", "PB", "N", "E") + r.digitsNz(7);
      case "JP":
        return r.pick("TK", "TR", "MZ", "TZ") + r.digitsNz(7);
      case "IN":
        return r.pick("J", "K", "L", "M", "P", "R", "S", "T", "V", "Z") + r.digitsNz(7);
      case "MY":
        return r.pick("A", "H", "K") + r.digitsNz(8);
      case "FR":
        return r.digits(2) + r.letters(2, "ABCDEFGHJKLMNPRSTUVWXYZ") + r.digits(5);
      default:
        return passportId(r);
    }
  }

  /** An IBAN with valid check digits, for the countries that have IBANs. */
  static String iban(GateRng r, String country) {
    String bban;
    switch (country) {
      case "GB":
        bban = r.pick("NWBK", "BARC", "LOYD", "HBUK") + r.digits(6) + r.digits(8);
        break;
      case "NL":
        bban = r.pick("ABNA", "INGB", "RABO") + r.digits(10);
        break;
      case "FR":
        bban = r.digits(10) + r.letters(11, "0123456789ABCDEFGHJK") + r.digits(2);
        break;
      default:
        country = "DE";
        bban = r.digits(8) + r.digits(10);
        break;
    }
    String check = pad(98 - mod97(bban + country + "00"), 2);
    String compact = country + check + bban;
    if (r.chance(0.4)) {
      return compact;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < compact.length(); i++) {
      if (i > 0 && i % 4 == 0) {
        b.append(' ');
      }
      b.append(compact.charAt(i));
    }
    return b.toString();
  }

  static int mod97(String s) {
    int m = 0;
    for (char c : s.toCharArray()) {
      String part = Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10);
      for (char p : part.toCharArray()) {
        m = (m * 10 + (p - '0')) % 97;
      }
    }
    return m;
  }

  static String ssn(GateRng r) {
    int area = r.between(1, 899);
    if (area == 666) {
      area = 667;
    }
    return pad(area, 3) + "-" + pad(r.between(1, 99), 2) + "-" + pad(r.between(1, 9999), 4);
  }

  /** A bank and an account number of it as written (10 to 16 digits). */
  static String[] bankAccount(GateRng r) {
    switch (r.below(9)) {
      case 0:
      case 1:
        {
          String d = r.digitsNz(10);
          return new String[] {
            "BCA",
            r.chance(0.8) ? d : d.substring(0, 3) + "-" + d.substring(3, 6) + "-" + d.substring(6)
          };
        }
      case 2:
      case 3:
        {
          String d = "1" + r.pick("37", "23", "56", "31") + r.digits(10);
          return new String[] {
            "Mandiri",
            r.chance(0.75)
                ? d
                : d.substring(0, 3)
                    + "-"
                    + d.substring(3, 5)
                    + "-"
                    + d.substring(5, 12)
                    + "-"
                    + d.substring(12)
          };
        }
      case 4:
        {
          String d = r.digitsNz(4) + "01" + r.digits(6) + r.digits(2) + r.digits(1);
          return new String[] {
            "BRI",
            r.chance(0.5)
                ? d
                : d.substring(0, 4)
                    + "-"
                    + d.substring(4, 6)
                    + "-"
                    + d.substring(6, 12)
                    + "-"
                    + d.substring(12, 14)
                    + "-"
                    + d.substring(14)
          };
        }
      case 5:
        return new String[] {"BNI", "0" + r.digitsNz(9)};
      case 6:
        return new String[] {"BSI", "7" + r.digits(9)};
      case 7:
        return new String[] {"BTN", "0" + r.digitsNz(15)};
      default:
        return new String[] {"CIMB Niaga", "800" + r.digitsNz(10)};
    }
  }

  static String b64url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String b64url(String s) {
    return b64url(s.getBytes(StandardCharsets.UTF_8));
  }

  static String uuid(GateRng r) {
    StringBuilder b = new StringBuilder();
    for (byte x : r.bytes(16)) {
      b.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
    }
    return b.substring(0, 8)
        + "-"
        + b.substring(8, 12)
        + "-4"
        + b.substring(13, 16)
        + "-a"
        + b.substring(17, 20)
        + "-"
        + b.substring(20);
  }

  /** A signed JSON Web Token for a staff account (its payload holds no name). */
  static String jwt(GateRng r, String issuer, LocalDate d) {
    boolean rs = r.chance(0.4);
    String header =
        rs
            ? "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + uuid(r).substring(0, 8) + "\"}"
            : "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
    long iat = epoch(d, r.between(6 * 3600, 20 * 3600));
    String payload =
        "{\"sub\":\""
            + uuid(r)
            + "\",\"iss\":\"https://"
            + issuer
            + "\",\"aud\":\"simrs-api\","
            + "\"role\":\""
            + r.pick("perawat", "dokter", "admisi", "kasir", "lab")
            + "\","
            + "\"iat\":"
            + iat
            + ",\"exp\":"
            + (iat + 3600)
            + "}";
    return b64url(header) + "." + b64url(payload) + "." + b64url(r.bytes(rs ? 128 : 32));
  }

  /** A medical record number in the style of one facility. */
  static String mrn(GateRng r, int style, LocalDate d) {
    switch (style) {
      case 0:
        return "RM-" + pad(r.between(1000, 2999999), 7);
      case 1:
        {
          String s = pad(r.between(1, 999999), 8);
          return s.substring(0, 2)
              + "-"
              + s.substring(2, 4)
              + "-"
              + s.substring(4, 6)
              + "-"
              + s.substring(6);
        }
      case 2:
        return pad(r.between(1000, 999999), 6);
      case 3:
        return "RM." + (d.getYear() - r.below(8)) + "." + pad(r.between(1, 99999), 7);
      case 4:
        return "MR-" + pad((d.getYear() - r.below(6)) % 100, 2) + "-" + pad(r.between(1, 99999), 6);
      case 5:
        return "PKM-" + pad(r.between(1, 99999), 6);
      case 6:
        return "RM-BH-" + pad(r.between(1, 299999), 6);
      default:
        return pad(r.between(1, 2999999), 8);
    }
  }

  // ---------------------------------------------------------------- negatives

  static String invoice(GateRng r, LocalDate d) {
    return "INV/"
        + d.getYear()
        + "/"
        + pad(d.getMonthValue(), 2)
        + "/"
        + pad(r.between(1, 9999), 6);
  }

  static String order(GateRng r, LocalDate d) {
    return "ORD-" + compact(d) + "-" + pad(r.between(1, 999), 4);
  }

  static String labNo(GateRng r, LocalDate d) {
    return "LAB"
        + pad(d.getYear() % 100, 2)
        + pad(d.getMonthValue(), 2)
        + pad(d.getDayOfMonth(), 2)
        + pad(r.between(1, 999), 4);
  }

  static String regNo(GateRng r, LocalDate d) {
    return "REG" + compact(d).substring(2) + pad(r.between(1, 9999), 4);
  }

  /** A 16-digit transaction id starting with the date: never a NIK (no province 20). */
  static String trx16(GateRng r, LocalDate d) {
    return compact(d) + r.digits(8);
  }

  static String sep(GateRng r, String ppk, LocalDate d) {
    return ppk
        + pad(d.getMonthValue(), 2)
        + pad(d.getYear() % 100, 2)
        + "V"
        + pad(r.between(1, 99999), 6);
  }

  static String kunjungan(GateRng r, String ppk, LocalDate d) {
    return ppk.substring(0, 4)
        + "B"
        + pad(r.between(1, 999), 3)
        + pad(d.getMonthValue(), 2)
        + pad(d.getYear() % 100, 2)
        + "P"
        + pad(r.between(1, 99999), 6);
  }

  static String serial(GateRng r) {
    return r.pick("SN", "S/N ", "") + r.letters(2, "ABCDEFGHJKLMNPRSTUVWXYZ") + r.digits(6);
  }

  /** A product code; some are 12 digits starting 08, like a phone number. */
  static String productCode(GateRng r) {
    switch (r.below(4)) {
      case 0:
        return "08" + r.pick("12", "13", "21", "52") + r.digits(8);
      case 1:
        return "899" + r.digits(10);
      case 2:
        return "PRD-" + r.digits(5);
      default:
        return "SKU" + r.digits(7);
    }
  }

  /** A civil servant number: birth date, appointment, sex and serial, 18 digits, spaced. */
  static String nip(GateRng r, LocalDate birth, boolean female) {
    return compact(birth)
        + " "
        + (birth.getYear() + r.between(24, 30))
        + pad(r.between(1, 12), 2)
        + " "
        + (female ? "2" : "1")
        + " "
        + pad(r.between(1, 12), 3);
  }

  static String money(long rupiah) {
    String s = Long.toString(rupiah);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      if (i > 0 && (s.length() - i) % 3 == 0) {
        b.append('.');
      }
      b.append(s.charAt(i));
    }
    return b.toString();
  }

  /** A measured value in tenths, written with the given decimals and separator. */
  static String measure(int tenths, int decimals, char sep) {
    if (decimals == 0) {
      return Integer.toString(tenths / 10);
    }
    return (tenths / 10) + String.valueOf(sep) + (tenths % 10);
  }

  // ---------------------------------------------------------------- phones

  static final List<String> MOBILE_PREFIXES =
      List.of(
          "811", "812", "813", "821", "822", "823", "851", "852", "853", "814", "815", "816", "855",
          "856", "857", "858", "817", "818", "819", "859", "877", "878", "831", "832", "838", "881",
          "882", "887", "895", "896", "897", "898", "899");

  /** An Indonesian mobile number's national digits without the trunk 0. */
  static String mobile(GateRng r) {
    int rest = r.chance(0.7) ? 8 : r.chance(0.7) ? 7 : 9;
    return r.pick(MOBILE_PREFIXES) + r.digitsNz(1) + r.digits(rest - 1);
  }

  /** The national digits written in one of the usual ways. */
  static String phone(GateRng r, String nat) {
    return phone(nat, r.below(9));
  }

  static String phone(String nat, int style) {
    String p = nat.substring(0, 3);
    String rest = nat.substring(3);
    int cut = rest.length() - 4;
    String a = rest.substring(0, cut);
    String b = rest.substring(cut);
    switch (style) {
      case 0:
      case 1:
        return "0" + nat;
      case 2:
        return "0" + p + "-" + a + "-" + b;
      case 3:
        return "0" + p + " " + a + " " + b;
      case 4:
        return "+62" + nat;
      case 5:
        return "+62 " + p + "-" + a + "-" + b;
      case 6:
        return "62" + nat;
      case 7:
        return "+62 " + p + " " + a + " " + b;
      default:
        return "(+62) " + p + "-" + a + "-" + b;
    }
  }

  /** A foreign mobile number as its owners write it. */
  static String foreignPhone(GateRng r, String country) {
    switch (country) {
      case "US":
        return r.chance(0.5)
            ? "+1 (" + r.pick("206", "512", "303", "617") + ") " + r.digitsNz(3) + "-" + r.digits(4)
            : "+1 " + r.pick("206", "512", "303", "617") + "-" + r.digitsNz(3) + "-" + r.digits(4);
      case "GB":
        return "+44 7" + r.digits(3) + " " + r.digits(6);
      case "DE":
        return "+49 15" + r.digits(1) + " " + r.digits(4) + " " + r.digits(4);
      case "NL":
        return "+31 6 " + r.digits(4) + " " + r.digits(4);
      case "AU":
        return "+61 4" + r.digits(2) + " " + r.digits(3) + " " + r.digits(3);
      case "JP":
        return "+81 90-" + r.digits(4) + "-" + r.digits(4);
      case "IN":
        return "+91 9" + r.digits(4) + " " + r.digits(5);
      case "MY":
        return "+60 1" + r.digits(1) + "-" + r.digits(3) + " " + r.digits(4);
      default:
        return "+33 6 " + r.digits(2) + " " + r.digits(2) + " " + r.digits(2) + " " + r.digits(2);
    }
  }
}
