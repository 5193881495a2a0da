package dev.periksa.pii;

import java.util.List;
import java.util.Locale;

/**
 * The people in an e-mail's address headers: {@code From: Budi Santoso <budi@…>}, {@code To: "dr.
 * Siti Rahma, Sp.PD" <siti@…>}. The display name before a person's mailbox is that person's name
 * (RFC 5322 section 3.4, {@code name-addr}); the display name of an institution's role mailbox
 * ({@code "Klaim RSUD" <klaim@…>}) is not. The addresses themselves are found as any e-mail is.
 */
final class MailHeaders {
  private MailHeaders() {}

  /** Address headers, with the Indonesian names mail clients show. */
  private static final String[] HEADERS = {
    "from:", "to:", "cc:", "bcc:", "reply-to:", "sender:", "dari:", "kepada:", "tembusan:"
  };

  /** Adds the display names of personal mailboxes in the address headers of [from, to). */
  static void scan(String text, int from, int to, List<PiiMatch> found) {
    int line = from;
    while (line < to) {
      int eol = text.indexOf('\n', line);
      if (eol < 0 || eol > to) {
        eol = to;
      }
      for (String h : HEADERS) {
        if (text.regionMatches(true, line, h, 0, h.length())) {
          addresses(text, line + h.length(), eol, found);
          break;
        }
      }
      line = eol + 1;
    }
  }

  /** One header's address list: mailboxes separated by commas outside quotes. */
  private static void addresses(String text, int s, int e, List<PiiMatch> found) {
    int start = s;
    boolean quoted = false;
    boolean angle = false;
    for (int i = s; i <= e; i++) {
      char c = i < e ? text.charAt(i) : ',';
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '<' && !quoted) {
        angle = true;
      } else if (c == '>' && !quoted) {
        angle = false;
      } else if ((c == ',' || c == ';') && !quoted && !angle) {
        mailbox(text, start, i, found);
        start = i + 1;
      }
    }
  }

  /** {@code display <local@domain>}: the display name when the mailbox is a person's. */
  private static void mailbox(String text, int s, int e, List<PiiMatch> found) {
    int lt = text.indexOf('<', s);
    if (lt < 0 || lt >= e) {
      return;
    }
    int at = text.indexOf('@', lt);
    if (at < 0 || at >= e) {
      return;
    }
    if (RoleMailboxes.role(text.substring(lt + 1, at).strip().toLowerCase(Locale.ROOT))) {
      return;
    }
    int ds = s;
    int de = lt;
    while (ds < de && (Character.isWhitespace(text.charAt(ds)) || text.charAt(ds) == '"')) {
      ds++;
    }
    while (de > ds && (Character.isWhitespace(text.charAt(de - 1)) || text.charAt(de - 1) == '"')) {
      de--;
    }
    if (de - ds < 2) {
      return;
    }
    String display = text.substring(ds, de);
    if (!PersonalDataScanner.personName(display) || PersonalDataScanner.organisationName(display)) {
      return;
    }
    int[] span = PersonalDataScanner.nameSpan(text, ds, de);
    found.add(new PiiMatch(PiiType.NAME, span[0], span[1], 0.85));
  }
}
