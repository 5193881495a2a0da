package dev.periksa.pii;

import java.util.Locale;
import java.util.Set;

/**
 * Mailboxes of a role, not of a person ({@code info@}, {@code klaim@}, {@code humas@}): an
 * institution's address, which is not personal data. The list is RFC 2142's mailbox names, the
 * generic roles organisations publish, and their usual Indonesian names; a local part counts when,
 * lower-cased and without its {@code +tag}, dots, dashes, underscores and trailing digits, it is
 * one of them.
 */
final class RoleMailboxes {
  private RoleMailboxes() {}

  static final Set<String> ROLES =
      Set.of(
          // RFC 2142.
          "info",
          "marketing",
          "sales",
          "support",
          "abuse",
          "noc",
          "security",
          "postmaster",
          "hostmaster",
          "usenet",
          "news",
          "webmaster",
          "www",
          "uucp",
          "ftp",
          // Generic roles.
          "admin",
          "administrator",
          "contact",
          "contactus",
          "hello",
          "help",
          "helpdesk",
          "office",
          "enquiries",
          "enquiry",
          "inquiry",
          "inquiries",
          "billing",
          "finance",
          "accounts",
          "accounting",
          "hr",
          "jobs",
          "career",
          "careers",
          "recruitment",
          "noreply",
          "donotreply",
          "mail",
          "mailer",
          "team",
          "service",
          "services",
          "customerservice",
          "customercare",
          "cs",
          "press",
          "media",
          "legal",
          "privacy",
          "dpo",
          "compliance",
          "secretary",
          "secretariat",
          "reception",
          "registration",
          "appointments",
          "feedback",
          "complaints",
          "notifications",
          "notification",
          "system",
          "it",
          "ict",
          // Indonesian.
          "humas",
          "sekretariat",
          "tu",
          "tatausaha",
          "keuangan",
          "klaim",
          "pengaduan",
          "layanan",
          "informasi",
          "pendaftaran",
          "kepegawaian",
          "pemasaran",
          "admisi",
          "rekammedis",
          "pelayanan",
          "kontak",
          "redaksi",
          "kerjasama",
          "sdm",
          "umum",
          "perencanaan",
          // Hospital and clinic departments and services (their mailboxes are the unit's).
          "lab",
          "laboratorium",
          "laboratory",
          "farmasi",
          "pharmacy",
          "apotek",
          "igd",
          "ugd",
          "er",
          "radiologi",
          "radiology",
          "poli",
          "poliklinik",
          "rawatinap",
          "rawatjalan",
          "gizi",
          "casemix",
          "verifikasi",
          "ppid",
          "surveilans",
          "promkes",
          "ppi",
          "logistik",
          "pengadaan",
          "procurement",
          "purchasing",
          "callcenter",
          "hotline",
          "ambulans",
          "hasil",
          "results",
          "ambulance",
          "reservasi",
          "reservation",
          "booking",
          "appointment",
          "vaksinasi",
          "mcu",
          "kasir",
          "cashier",
          "payment",
          "pembayaran",
          "tagihan",
          "invoice",
          "asuransi",
          "insurance",
          "claims",
          "claim",
          "direksi",
          "direktur",
          "director",
          "hrd",
          "personalia",
          "diklat",
          "alerts",
          "alert",
          "report",
          "reports",
          "laporan",
          "bounce",
          "bounces",
          "daemon",
          "mailerdaemon",
          "root",
          "test",
          "demo");

  /** Whether the local part of an address (before the {@code @}) names a role. */
  static boolean role(String local) {
    String l = local.toLowerCase(Locale.ROOT);
    int plus = l.indexOf('+');
    if (plus >= 0) {
      l = l.substring(0, plus);
    }
    StringBuilder b = new StringBuilder(l.length());
    for (int i = 0; i < l.length(); i++) {
      char c = l.charAt(i);
      if (c != '.' && c != '-' && c != '_') {
        b.append(c);
      }
    }
    int end = b.length();
    while (end > 0 && Character.isDigit(b.charAt(end - 1))) {
      end--;
    }
    if (ROLES.contains(b.substring(0, end))) {
      return true;
    }
    // Each part between separators, read in place (no regular expression per address); an empty
    // part names nothing. An institution's own mailbox: a part names it ("rsud.tarakan@",
    // "klinik_sehat@"), or the mailbox opens with its word ("puskesmasmenteng@"). A unit's or a
    // service's mailbox under its organisation's name ("cs.prodia@", "hasil.lab@"): a part, its
    // trailing digits left out, names a role, and no part is a person's name ("dewi.lab@" is
    // Dewi's).
    boolean rolePart = false;
    int s = 0;
    for (int i = 0; i <= l.length(); i++) {
      if (i == l.length() || l.charAt(i) == '.' || l.charAt(i) == '_' || l.charAt(i) == '-') {
        if (i > s && ORGANISATIONS.contains(l.substring(s, i))) {
          return true;
        }
        int e = i;
        while (e > s && Character.isDigit(l.charAt(e - 1))) {
          e--;
        }
        rolePart |= e > s && ROLES.contains(l.substring(s, e));
        s = i + 1;
      }
    }
    for (String prefix : ORGANISATION_PREFIXES) {
      if (l.startsWith(prefix)) {
        return true;
      }
    }
    return rolePart && !Names.anyKnown(l);
  }

  /**
   * Whether the local part names the domain's own organisation, as a branch's mailbox does
   * ("prodia.bandung@prodia.co.id", "hermina.depok@herminahospitals.com"): a part of four letters
   * or more that the domain's name starts with. A person's mailbox at an institution
   * ("andi.wijaya@rsudkota.go.id") is named for the person. Free mail domains name no organisation.
   */
  static boolean branch(String local, String domain) {
    String d = domain.toLowerCase(Locale.ROOT);
    int dot = d.indexOf('.');
    String org = dot < 0 ? d : d.substring(0, dot);
    if (org.length() < 4 || FREE_MAIL.contains(org)) {
      return false;
    }
    // Each part between '.', '_' and '-', read in place (no regular expression per address).
    String l = local.toLowerCase(Locale.ROOT);
    int s = 0;
    for (int i = 0; i <= l.length(); i++) {
      if (i == l.length() || l.charAt(i) == '.' || l.charAt(i) == '_' || l.charAt(i) == '-') {
        if (i - s >= 4 && org.regionMatches(0, l, s, i - s)) { // org starts with the part
          return true;
        }
        s = i + 1;
      }
    }
    return false;
  }

  /** Mail providers whose domain names no organisation of the mailbox's owner. */
  private static final Set<String> FREE_MAIL =
      Set.of(
          "gmail",
          "googlemail",
          "yahoo",
          "ymail",
          "hotmail",
          "outlook",
          "live",
          "icloud",
          "aol",
          "proton",
          "protonmail",
          "gmx",
          "mail",
          "zoho",
          "yandex",
          "rocketmail");

  /** Words that name an institution, as a part of a local part of its own. */
  private static final Set<String> ORGANISATIONS =
      Set.of(
          "rs",
          "rsu",
          "rsud",
          "rsia",
          "rsup",
          "rsj",
          "klinik",
          "clinic",
          "puskesmas",
          "apotek",
          "pharmacy",
          "dinkes",
          "labkes",
          "labkesda",
          "poli",
          "hospital",
          "faskes",
          "pkm",
          "pustu",
          "posyandu",
          "apotik",
          "kemenkes",
          "bpjs",
          "pt",
          "cv",
          "yayasan");

  /** Institution words long enough to be known glued to the name that follows. */
  private static final String[] ORGANISATION_PREFIXES = {
    "rsud", "rsia", "rsup", "klinik", "puskesmas", "apotek", "dinkes", "hospital", "pkm"
  };
}
