package dev.periksa.pii;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Persons' names and home street addresses in prose and semi-structured text: letters, discharge
 * summaries, e-mails, chat exports, ID-card (KTP) OCR text, log lines; and in any free text between
 * structured parts. Called once per scanned range by {@link TextScanner}.
 *
 * <p>A name is a run of capitalised words (or a whole upper-case run on an upper-case line) after a
 * cue that says a person follows, in decreasing order of certainty:
 *
 * <ul>
 *   <li>an honorific or title (Tn., Ny., Bpk., Ibu, dr., Prof., H., Hj., Ns., Mr., Mrs., Dear Dr.
 *       ...), a label that names a person's name ("Nama:", "Nama Pasien :", {@code patient="..."},
 *       "atas nama", "a.n."), or a name line over an NIP/SIP/STR line: the run is a name if it is
 *       written like one ({@link PersonalDataScanner#personName});
 *   <li>a weaker cue (the word "pasien"/"patient" before the run, a greeting, "Yth.", a role label
 *       such as "Dokter:" or "Kontak darurat:", a chat export's sender, the line under a letter's
 *       closing "Hormat kami," / "Regards,"): the run must also hold a known given name or surname
 *       ({@link Names});
 *   <li>no cue at all: two or more capitalised words that are all known names, written together in
 *       running text ("hasil untuk Budi Santoso"), outside place and organisation names.
 * </ul>
 *
 * <p>The span is the name alone: honorifics before it and degrees after a comma stay out. A run
 * stops at punctuation, a line end, digits, a lower-case word (name particles such as "bin", "van
 * der" excepted) and words that are no names (units, months, roles: "Wulan IGD" is Wulan). A title
 * inside the name of a place ("RSUD dr. Iskandar Wiryo", "Jl. Dr. Wahidin") starts no name.
 *
 * <p>An address is the street part of a home address: from the street word (Jl., Jalan, Gg., Gang,
 * Komp., Perum., Dusun, any case) through the house number or block, and RT/RW written in the same
 * run ("Jl. Mawar No. 5, RT 003/RW 005"); without a number only after a label that says the address
 * is a person's ("Alamat:", "tinggal di"). Addresses of organisations are not personal: one after
 * an organisation's name on its line or the line above, after a label such as "Alamat RS", or in a
 * letterhead that gives a fax, a website or a landline in brackets.
 *
 * <p>Stateless; each call reads its range once, with look-backs and look-aheads bounded to a few
 * dozen characters or lines, so the whole is linear in the text.
 */
final class ProseNames {

  // Word kinds, as bits.
  /** An honorific or title before a name. */
  private static final int HON = 1;

  /** An abbreviated honorific that needs its period ("An.", "H.", "Ns."). */
  private static final int PERIOD = 1 << 1;

  /** A weak cue: a name after it needs a known name. */
  private static final int WEAK = 1 << 2;

  /** An abbreviated street word: Jl, Gg, Komp, Perum. */
  private static final int STREET_ABBR = 1 << 3;

  /** A street word written out: Jalan, Gang, Komplek, Perumahan, Dusun. */
  private static final int STREET_WORD = 1 << 4;

  /** Not a word of a person's name. */
  private static final int STOP = 1 << 5;

  /** A cue that may be followed by a line break before the name ("Kepada Yth.\ndr. ..."). */
  private static final int LETTER = 1 << 6;

  /** A name particle: bin, van, der, de... */
  private static final int PARTICLE = 1 << 7;

  /** An organisation's word: RSUD, Klinik, PT, Hospital... */
  private static final int ORG = 1 << 8;

  /** A role or office: a line starting with one under a name line is a signature's title line. */
  private static final int ROLE = 1 << 9;

  /** A house number's word: No, Nomor. */
  private static final int NUMBER_WORD = 1 << 10;

  /** A block's word: Blok, Kav. */
  private static final int BLOCK_WORD = 1 << 11;

  /** An area bigger than the street: Kel., Kec., Kota... ends a street's name. */
  private static final int AREA = 1 << 12;

  /** An abbreviated given name that keeps its period: Moh., Muh., Abd. */
  private static final int NAME_ABBR = 1 << 13;

  /** "pasien", "patient": a weak cue. */
  private static final int PATIENT = 1 << 14;

  /** "atas" (of "atas nama"). */
  private static final int ATAS = 1 << 15;

  /** An honorific that is an ordinary noun too (Ibu, Bapak, Mas): only before a capital. */
  private static final int NOUN = 1 << 16;

  /** A street type after an English street name: Street, Road, Avenue. */
  private static final int STREET_SUFFIX = 1 << 17;

  /** A person's role or profession: a word before a chat sender's name ("Perawat Rina"). */
  private static final int PERSON_ROLE = 1 << 18;

  /**
   * A hamlet, written where a street would be: Kampung, Kp. An address from it only after a
   * person's address label (the KTP's "Alamat : KP. CIBODAS"), as a whole "alamat" field value is
   * one; alone, "Kampung Melayu" is a place.
   */
  private static final int HAMLET = 1 << 19;

  private static final WordTable WORDS;

  /** Gives each of the space-separated words the kind. */
  private static void put(Map<String, Integer> m, int kind, String words) {
    for (String w : words.split(" ")) {
      Integer had = m.get(w);
      m.put(w, had == null ? kind : had | kind);
    }
  }

  static {
    Map<String, Integer> m = new HashMap<>();
    // Honorifics and titles (the span convention's list, and the usual academic and religious
    // ones); those abbreviated may lack their period, except where the bare letters are a word.
    put(m, HON, "tn ny nn bpk sdr sdri dr drg prof hj mr mrs ms mx tuan nyonya nona saudara");
    put(m, HON, "saudari miss almarhum almarhumah ustadz ustaz");
    put(m, HON | PERIOD, "an h ns drs dra ir apt bd kh alm ust");
    put(m, HON, "haji hajah hajjah");
    put(m, HON | NOUN, "bapak ibu bu pak mas mbak kak bang dek adek adik tante");
    put(m, WEAK, "dear hi hello halo hallo hai hey thanks thx makasih trims");
    put(m, WEAK | LETTER, "yth kepada");
    // A relative named by the relation ("his wife Linda", "suaminya Pak Hendra", "anaknya Rizky"):
    // a known name after the word is that person's.
    put(m, WEAK, "istri istrinya suami suaminya ibunya ayahnya bapaknya anaknya kakaknya adiknya");
    put(m, WEAK, "putranya putrinya cucunya keponakannya wife husband son daughter mother father");
    put(m, WEAK, "brother sister partner fiance fiancee");
    put(m, WEAK, "bernama named");
    // Regional and family forms of address ("Kang Asep", "Teh Rina", "Bli Made", "Mbah Karto",
    // "Ci Mei", "Sus Rina"): no honorific of the convention's list, and ordinary words as often
    // ("teh" is tea), so only a name the gazetteer knows is read after one.
    put(m, WEAK, "kang akang aa teh neng bli mbok mbah eyang opa oma tante cak ning uda uni");
    put(m, WEAK, "ci cik ko koh pakde bude bulik paklik sus suster zr br");
    put(m, PATIENT, "pasien patient");
    put(m, ATAS, "atas");
    put(m, STREET_ABBR | STOP, "jl jln gg komp perum dsn");
    put(m, STREET_WORD | STOP, "jalan gang komplek kompleks perumahan dusun");
    put(m, HAMLET, "kp kampung");
    put(m, NUMBER_WORD | STOP, "no nomor nmr nomer");
    put(m, BLOCK_WORD | STOP, "blok blk block kav kavling kapling");
    put(m, AREA | STOP, "kel kelurahan kec kecamatan desa kota kab kabupaten provinsi prov rt rw");
    put(m, AREA | STOP, "kodepos kode pos");
    put(m, PARTICLE, "bin binti van der den de da von al el dos del ten ter le la di y bt");
    put(m, NAME_ABBR, "moh muh mhd moch mochammad abd ach sy st m");
    put(m, STREET_SUFFIX, "street st road rd avenue ave lane ln drive boulevard blvd way court ct");
    put(m, STREET_SUFFIX, "place pl close crescent terrace square highway hwy");
    // Organisations and places named after people: a title after one starts no name.
    put(m, ORG | STOP, "rs rsud rsu rsup rsia rsab rsj rsk rsi rspad rsal rsau rsko rsgm klinik");
    put(m, ORG | STOP, "clinic puskesmas pustu posyandu apotek apotik pharmacy lab laboratorium");
    put(m, ORG | STOP, "laboratory hospital pt cv tbk dinas kementerian kemenkes universitas");
    put(m, ORG | STOP, "university fakultas institut akademi politeknik stikes sekolah school");
    put(m, ORG | STOP, "yayasan foundation bank hotel masjid gereja gedung bandara airport");
    put(m, ORG | STOP, "stadion museum taman pelabuhan stasiun terminal pasar kantor office bpjs");
    put(m, ORG | STOP, "perusahaan company inc ltd llc corp gmbh medical center centre health");
    put(m, ORG | STOP, "healthcare persero koperasi ministry department dept");
    put(m, STOP, "sakit");
    // Hospital units and services, as staff write them after their nickname in a chat ("Rina
    // Admisi", "Dewi Rekmed", "Emma Front Desk"): no part of a name.
    put(m, STOP, "admisi pendaftaran registrasi rekmed casemix koder coder verifikasi klaim");
    put(m, STOP, "laborat laboratorium lab patologi mikrobiologi bedah interna obgyn kebidanan");
    put(m, STOP, "perina perinatologi neonatus anestesi anestesiologi rehab rehabilitasi");
    put(m, STOP, "fisioterapi hemodialisa hemodialisis dialisis kemoterapi onkologi kardiologi");
    put(m, STOP, "jantung paru saraf neurologi thtkl kulit kelamin gigi mata jiwa psikiatri");
    put(m, STOP, "ortopedi urologi bersalin persalinan nifas sentral bedah keperawatan medik");
    put(m, STOP, "humas marketing pemasaran keuangan akuntansi billing logistik gudang pengadaan");
    put(m, STOP, "kepegawaian diklat sdm hrd umum sanitasi kesling laundry linen dapur satpam");
    put(m, STOP, "security keamanan ambulans ambulance driver sopir supir parkir teknisi ipsrs");
    put(m, STOP, "simrs komite mutu ppi pmkp akreditasi yanmed jangmed penunjang pelayanan");
    put(m, STOP, "informasi pengaduan loket apotek depo triase triage isolasi observasi");
    put(m, STOP, "front reception frontdesk pharmacy radiology radiografi imaging pathology");
    put(m, STOP, "billing admissions records coding nursing station theatre theater outpatient");
    put(m, STOP, "inpatient icu maternity pediatrics paediatrics cardiology oncology surgery");
    put(m, STOP, "oncall on-call konsulen residen koas ppds intern coass perawat jaga pagi");
    put(m, STOP, "rsud rs dinkes puskesmas klinik kantor pusat cabang");
    // Roles and offices: no name, and the first word of a signature's title line.
    put(m, ROLE | STOP, "dokter perawat bidan suster apoteker analis petugas kepala direktur");
    put(m, ROLE | STOP, "ketua wakil sekretaris bendahara manajer manager koordinator supervisor");
    put(m, ROLE | STOP, "staf staff admin administrator kasir spesialis konsultan consultant");
    put(m, ROLE | STOP, "physician nurse surgeon resident registrar director head chief pimpinan");
    put(m, ROLE | STOP, "penanggung verifikator validator dpjp pj plt plh direktorat bagian tim");
    put(m, ROLE | STOP, "team");
    put(m, PERSON_ROLE, "dokter perawat bidan suster apoteker analis nurse physician surgeon");
    put(m, PERSON_ROLE, "midwife pharmacist ners radiografer fisioterapis terapis therapist");
    put(m, PERSON_ROLE | STOP, "ners radiografer fisioterapis terapis therapist midwife");
    put(m, PERSON_ROLE | STOP, "pharmacist");
    // Words that are written with a capital but are no part of a person's name: units and wards,
    // sentence words, document words, KTP fields and their values, months and days.
    put(m, STOP, "poli poliklinik igd ugd icu iccu nicu picu hcu ok vk ruang ruangan bangsal ward");
    put(m, STOP, "kamar paviliun lantai lt");
    put(m, STOP, "unit instalasi farmasi radiologi gizi rekam medis jaga shift piket rawat inap");
    put(m, STOP, "umum baru lama bpjs jkn kis covid laki laki-laki perempuan pria wanita male");
    put(m, STOP, "female hamil menyusui nifas balita bayi anak dewasa lansia pertiwi negara rumah");
    put(m, STOP, "tangga kawin menikah cerai wni wna islam kristen katolik hindu buddha budha");
    put(m, STOP, "konghucu swasta karyawan pegawai pelajar mahasiswa wiraswasta pensiunan seumur");
    put(m, STOP, "hidup yang dan atau dengan untuk dari ke pada ini itu saya kami kita anda");
    put(m, STOP, "beliau dia mereka tidak ya mohon tolong silakan terima kasih selamat pagi siang");
    put(m, STOP, "sore malam hari tanggal tgl jam pukul bersama sebagai nama name alamat address");
    put(m, STOP, "umur usia tahun th thn bulan jenis kelamin agama pekerjaan status hasil surat");
    put(m, STOP, "rujukan keterangan catatan diagnosa diagnosis terapi obat resep pemeriksaan");
    put(m, STOP, "ringkasan resume pulang data info informasi grup group keluarga family pasien");
    put(m, STOP, "patient the a and or of to in on at for with from by is was has have please");
    put(m, STOP, "thank thanks regards sincerely best kind sir madam customer member user support");
    put(m, STOP, "desk today tomorrow yesterday re fw fwd subject date cc bcc sent note notes");
    put(m, STOP, "report summary discharge admission referral letter result results test positive");
    put(m, STOP, "negative positif negatif years old room bed emergency er internal medicine");
    put(m, STOP, "general practice doctor colleague colleagues all everyone semua rekan sejawat");
    put(m, STOP, "ts januari februari maret april mei juni juli agustus september oktober");
    put(m, STOP, "november desember january february march may june july august october december");
    put(m, STOP, "jan feb mar apr jun jul agu agt aug sep okt oct nov des dec senin selasa rabu");
    put(m, STOP, "kamis jumat sabtu minggu ahad monday tuesday wednesday thursday friday saturday");
    put(m, STOP, "sunday indonesia jakarta wib wita wit utc am pm dengan hormat salam sehat");
    put(m, STOP, "wassalam assalamualaikum");
    // Words of ward and chat talk that follow a name with a capital ("Tn. Budi Santoso Post Op",
    // "Bu Sri Rujuk besok", "Mr Lee Discharged"): clinical orders and states, adverbs, replies.
    put(m, STOP, "post pro rujuk dirujuk kontrol cito suspek susp obs observasi dx acc operasi");
    put(m, STOP, "op ranap rajal visite konsul konsultasi lapor laporan foto rontgen thorax");
    put(m, STOP, "swab antigen pcr vaksin vaksinasi booster cek periksa diperiksa tindakan infus");
    put(m, STOP, "oksigen dosis tensi td nadi suhu gds hb kritis stabil sadar lemas demam batuk");
    put(m, STOP, "sesak nyeri mual muntah diare pusing kejang sudah sdh udah belum blm besok");
    put(m, STOP, "kemarin tadi nanti sekarang skrg barusan segera rencana dirawat pindah masuk");
    put(m, STOP, "keluar meninggal minta butuh perlu mau akan bisa gak nggak ga tdk ok oke okay");
    put(m, STOP, "siap noted done sip dok sus yg dgn utk krn karena jadi jd sama juga lagi lg");
    put(m, STOP, "masih msh hanya cuma aja saja deh kok sih nih tuh loh langsung harap");
    put(m, STOP, "sebentar bentar pls asap stat pre transfer transferred discharged admitted");
    put(m, STOP, "called review reviewed seen check labs scan xray ct mri bloods meds tonight");
    put(m, STOP, "morning afternoon evening now later soon again also just still ready need");
    put(m, STOP, "needs will can cannot hasilnya ditunggu tunggu menunggu datang dtg");
    put(m, ROLE | STOP, "presiden menteri gubernur bupati walikota camat lurah kades guru dosen");
    put(m, ROLE | STOP, "polisi ketua");
    WORDS = new WordTable(m);
  }

  /** A letter's closing line: the name is on the first line under it that holds one. */
  private static final Set<String> CLOSINGS =
      Set.of(
          ("hormat kami|hormat saya|salam|salam hormat|salam sehat|salam sejawat|wassalam"
                  + "|wassalamualaikum|terima kasih|regards|best regards|kind regards|warm regards"
                  + "|with regards|sincerely|yours sincerely|sincerely yours|yours faithfully"
                  + "|yours truly|best|best wishes|thanks|thank you|many thanks|cheers|respectfully"
                  + "|tertanda")
              .split("\\|"));

  /** Where a signature goes: "(ttd)", "[tanda tangan]", "signed". */
  private static final java.util.regex.Pattern SIGNED =
      java.util.regex.Pattern.compile(
          "[(\\[]?\\s*(ttd|tertanda|tanda tangan|signed|signature)\\.?\\s*[)\\]]?");

  /** Staff identifiers printed under a signatory's name: NIP, NRP, SIP, STR, NIDN, NIPPPK. */
  private static final Set<String> STAFF_IDS = Set.of("nip", "nrp", "sip", "str", "nidn", "nipppk");

  private final String text;
  private final char[] cs;
  private final int from;
  private final int to;
  private final List<PiiMatch> out;

  private Addresses addresses;

  // The last run read: how many words, how many of them known names.
  private int runWords;
  private int runKnown;

  private ProseNames(String text, char[] cs, int from, int to, List<PiiMatch> out) {
    this.text = text;
    this.cs = cs;
    this.from = from;
    this.to = to;
    this.out = out;
  }

  /**
   * Finds names and addresses in text[from, to).
   *
   * @param fieldClasses what the field or column says its value is; a thing's field (a hospital's
   *     name, an organisation's address) holds no person's name or address
   */
  static void scan(String text, char[] cs, int from, int to, int fieldClasses, List<PiiMatch> out) {
    if (to - from < 3
        || (fieldClasses & Lexicon.NOT_PERSONAL) != 0
        || ((fieldClasses & Lexicon.OBJECT) != 0 && (fieldClasses & Lexicon.PERSON) == 0)) {
      return;
    }
    ProseNames p = new ProseNames(text, cs, from, to, out);
    p.lines();
    p.words();
    p.labels();
  }

  // ------------------------------------------------------------------ characters and words

  private static boolean letter(char c) {
    if (c < 0x80) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); // Character.isLetter for ASCII
    }
    return Character.isLetter(c);
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean upper(char c) {
    return Character.isUpperCase(c);
  }

  private static boolean space(char c) {
    return c == ' ' || c == '\u00a0' || c == '\u202f';
  }

  private static boolean lineBreak(char c) {
    return c == '\n' || c == '\r';
  }

  /** End of the word at i: letters, with an inner hyphen or apostrophe between letters. */
  private int wordEnd(int i) {
    int e = i;
    while (e < to) {
      char c = cs[e];
      if (letter(c)) {
        e++;
      } else if ((c == '-' || c == '\'' || c == '’') && e > i && e + 1 < to && letter(cs[e + 1])) {
        e++;
      } else {
        break;
      }
    }
    return e;
  }

  private int kind(int s, int e) {
    int k = WORDS.get(cs, s, e);
    if (k == 0) {
      // "Laki-laki", "Rawat-inap": a hyphenated word by its first part.
      for (int i = s + 1; i < e; i++) {
        if (cs[i] == '-') {
          return WORDS.get(cs, s, i) & STOP;
        }
      }
    }
    return k;
  }

  private boolean allUpper(int s, int e) {
    for (int i = s; i < e; i++) {
      if (Character.isLowerCase(cs[i])) {
        return false;
      }
    }
    return true;
  }

  /** Whether the text around i (its line, within 60 characters) has no lower-case letter. */
  private boolean upperContext(int i) {
    for (int k = i; k > from && i - k < 60 && !lineBreak(cs[k - 1]); k--) {
      if (Character.isLowerCase(cs[k - 1])) {
        return false;
      }
    }
    for (int k = i; k < to && k - i < 60 && !lineBreak(cs[k]); k++) {
      if (Character.isLowerCase(cs[k])) {
        return false;
      }
    }
    return true;
  }

  private int lineEnd(int i) {
    int k = i;
    while (k < to && !lineBreak(cs[k])) {
      k++;
    }
    return k;
  }

  /** Where a name starting at i must end: the line's end, at most 160 characters on. */
  private int nameLimit(int i) {
    int k = i;
    while (k < to && k - i < 160 && !lineBreak(cs[k])) {
      k++;
    }
    return k;
  }

  /** Start of the next line after the line end le (skipping one \r\n pair). */
  private int nextLine(int le) {
    if (le >= to) {
      return to;
    }
    if (cs[le] == '\r' && le + 1 < to && cs[le + 1] == '\n') {
      return le + 2;
    }
    return le + 1;
  }

  private int skipSpaces(int i, int limit) {
    int k = i;
    while (k < limit && (space(cs[k]) || cs[k] == '\t')) {
      k++;
    }
    return k;
  }

  private boolean blank(int s, int e) {
    for (int k = s; k < e; k++) {
      if (!Character.isWhitespace(cs[k])) {
        return false;
      }
    }
    return true;
  }

  // ------------------------------------------------------------------ names

  /**
   * Reads the name written from p: capitalised words (any words on an upper-case line), single
   * spaces between, name particles inside, initials ("J."), "I" before a Balinese name. Sets {@link
   * #runWords} and {@link #runKnown}.
   *
   * @return the end of the last name word, or -1 when no name starts at p
   */
  private int run(int p, int limit) {
    runWords = 0;
    runKnown = 0;
    if (p >= limit || !upper(cs[p])) {
      return -1;
    }
    boolean upperLine = upperContext(p);
    int end = -1;
    int i = p;
    boolean first = true;
    while (i < limit && runWords < 7) {
      char c = cs[i];
      if (!letter(c)) {
        break;
      }
      int e = Math.min(wordEnd(i), limit);
      // "Mrs. Garcia's swab": the possessive is no part of the name.
      boolean possessive = e - i > 3 && cs[e - 1] == 's' && (cs[e - 2] == '\'' || cs[e - 2] == '’');
      if (possessive) {
        e -= 2;
      }
      int len = e - i;
      int kind = kind(i, e);
      boolean known = Names.known(cs, i, e);
      boolean period = e < limit && cs[e] == '.';
      if (!upper(c)) {
        // A particle stands inside a name only: "Sean van der Berg", "Ahmad bin Yusuf".
        if ((kind & PARTICLE) == 0 || first || e + 1 >= limit || !space(cs[e])) {
          break;
        }
        i = e + 1;
        continue;
      }
      if (period && e + 1 < limit && letter(cs[e + 1])) {
        break; // "Sp.PD", "S.Kep": a degree
      }
      if (e < limit && (cs[e] == ':' || (space(cs[e]) && e + 1 < limit && cs[e + 1] == ':'))) {
        break; // the next label ("Umur:")
      }
      if (len == 1) {
        if (period) {
          e++; // an initial
        } else if (!(first
            && c == 'I'
            && e + 1 < limit
            && space(cs[e])
            && upper(cs[e + 1])
            && Names.known(cs, e + 1, wordEnd(e + 1)))) {
          break;
        }
      } else {
        if ((kind & (STOP | HON | WEAK | PATIENT)) != 0 && !(known && (kind & STOP) == 0)) {
          break;
        }
        if (camel(i, e)) {
          break;
        }
        boolean caps = allUpper(i, e);
        if (caps && !known && (upperLine ? len <= 2 : len <= 4)) {
          break; // an acronym in mixed text: IGD, ICU, KKP
        }
        if (period) {
          if ((kind & NAME_ABBR) != 0) {
            e++; // "Moh. Hatta"
          } else {
            end = e; // the sentence or an abbreviation ends here
            runWords++;
            runKnown += known ? 1 : 0;
            break;
          }
        }
      }
      end = e;
      runWords++;
      runKnown += known ? 1 : 0;
      first = false;
      if (possessive) {
        break;
      }
      if (e + 1 < limit && space(cs[e]) && letter(cs[e + 1])) {
        i = e + 1;
      } else {
        break;
      }
    }
    return end;
  }

  /** Upper case after lower case inside a word ("SpPD", "iPhone"), unless Mc/Mac/O' names. */
  private boolean camel(int s, int e) {
    for (int k = s + 1; k < e; k++) {
      if (upper(cs[k]) && Character.isLowerCase(cs[k - 1])) {
        boolean mc =
            (k - s == 2 && cs[s] == 'M' && cs[s + 1] == 'c')
                || (k - s == 3 && cs[s] == 'M' && cs[s + 1] == 'a' && cs[s + 2] == 'c');
        if (!mc) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Skips honorifics and titles from p ("Prof. Dr. dr.", "Bapak H.", "Yth. Ibu"): where the name
   * starts, or p when there is none. Sets {@link #honorific}.
   */
  private int honorifics(int p, int limit) {
    honorific = false;
    int i = p;
    for (int n = 0; n < 5 && i < limit && letter(cs[i]); n++) {
      int e = wordEnd(i);
      int kind = kind(i, e);
      if ((kind & HON) == 0) {
        break;
      }
      boolean period = e < limit && cs[e] == '.';
      if ((kind & PERIOD) != 0 && !period) {
        break;
      }
      int next = period ? e + 1 : e;
      int name = skipSpaces(next, limit);
      if (name == next && !period) {
        break;
      }
      if ((kind & NOUN) != 0 && (period || !(name < limit && upper(cs[name])))) {
        break; // "ya kak. No. ...": a sentence ends; "ibu hamil": a noun
      }
      if (!period
          && (kind & PERIOD) == 0
          && e - i <= 4
          && upper(cs[i])
          && allUpper(i + 1, e)
          && (kind & NOUN) == 0) {
        break; // "MR BRAIN", "DR" in upper-case text: an abbreviation, no title without its period
      }
      if ((kind & NOUN) == 0
          && e - i <= 4
          && !upper(cs[i])
          && !lowerTitle(i, e)
          && !(period && LOWER_WITH_PERIOD.contains(text.substring(i, e)) && upper(cs[name]))
          && !(!period && LOWER_BARE.contains(text.substring(i, e)) && upper(cs[name]))) {
        break; // "dr." and "apt." are written in lower case; "ms." or "tn" so written are no titles
      }
      if (name >= limit || !letter(cs[name])) {
        break;
      }
      honorific = true;
      i = name;
    }
    return i;
  }

  private boolean honorific;

  /** Honorifics written in lower case in hasty text, with their period: "pasien an. Bambang". */
  private static final Set<String> LOWER_WITH_PERIOD =
      Set.of("tn", "ny", "nn", "an", "bpk", "sdr", "sdri");

  /** Honorifics hasty text writes in lower case without a period: "pasien bpk Slamet". */
  private static final Set<String> LOWER_BARE = Set.of("bpk", "sdr", "sdri");

  /** The titles written in lower case by custom: dr., drg., apt. */
  private boolean lowerTitle(int s, int e) {
    String w = text.substring(s, e);
    return w.equals("dr") || w.equals("drg") || w.equals("apt");
  }

  /**
   * A name from p (after a cue ending there): honorifics, then the run. Emits it when it is written
   * like a name, is no organisation's, and is known or {@code strong} (or after an honorific).
   *
   * @return the end of the name emitted, or -1
   */
  private int nameAt(int p, int limit, boolean strong) {
    int s = honorifics(p, limit);
    boolean hon = honorific;
    int e = run(s, limit);
    if (e < 0) {
      return -1;
    }
    if (!(strong || hon) && runKnown == 0) {
      return -1;
    }
    // "dr. Soetomo Hospital": the run names a place.
    int after = skipSpaces(e, limit);
    if (after < limit && after > e && letter(cs[after])) {
      int k = kind(after, wordEnd(after));
      if ((k & ORG) != 0 && upper(cs[after])) {
        return -1;
      }
    }
    String v = text.substring(s, e);
    if (!PersonalDataScanner.personName(v) || PersonalDataScanner.organisationName(v)) {
      return -1;
    }
    out.add(new PiiMatch(PiiType.NAME, s, e, strong || hon ? 0.85 : 0.75));
    return e;
  }

  /**
   * Whether the word starting at s is inside the name of a place or organisation: a street word or
   * an organisation's word stands before it among capitalised words and titles ("RSUD dr. Iskandar
   * Wiryo", "Jl. Prof. Dr. Hamka").
   */
  private boolean insidePlaceName(int s) {
    int k = s;
    for (int n = 0; n < 6; n++) {
      int j = k;
      int gap = 0;
      while (j > from && (space(cs[j - 1]) || cs[j - 1] == '.') && gap < 3) {
        j--;
        gap++;
      }
      if (j == k || j <= from || !letter(cs[j - 1])) {
        return false;
      }
      int ws = j;
      while (ws > from && letter(cs[ws - 1]) && j - ws < 24) {
        ws--;
      }
      int kind = kind(ws, j);
      if ((kind & (ORG | STREET_ABBR | STREET_WORD)) != 0) {
        return true;
      }
      if (!upper(cs[ws]) && (kind & HON) == 0) {
        return false;
      }
      k = ws;
    }
    return false;
  }

  /** Cues in running text: honorifics, "pasien", "atas nama", "a.n.", greetings; street words. */
  private void words() {
    int i = from;
    int skipTo = from;
    while (i < to) {
      char c = cs[i];
      if (c == '@'
          && i >= skipTo
          && (i == from || space(cs[i - 1]) || lineBreak(cs[i - 1]))
          && i + 2 < to
          && upper(cs[i + 1])) {
        // A chat mention, "@Wulan IGD": a person's name as the chat shows it.
        int end = nameAt(i + 1, nameLimit(i + 1), true);
        if (end > i) {
          skipTo = end;
        }
        i++;
        continue;
      }
      if (!letter(c) || (i > from && (letter(cs[i - 1]) || digit(cs[i - 1])))) {
        i++;
        continue;
      }
      int e = wordEnd(i);
      if (i < skipTo) {
        i = e;
        continue;
      }
      int kind = kind(i, e);
      if (kind == 0 && upper(c) && e - i >= 3 && Names.known(cs, i, e)) {
        // No cue, but two or more names the gazetteer knows written together ("results for
        // Michael Brown"): a person named in running text.
        int end = knownPair(i, e);
        if (end > e) {
          skipTo = end;
          i = end;
          continue;
        }
      }
      if (kind == 0 && !(e - i == 1 && (c == 'a' || c == 'A'))) {
        i = e;
        continue;
      }
      int end = -1;
      if ((kind & HON) != 0) {
        end = afterHonorific(i, e);
      } else if ((kind & (WEAK | PATIENT)) != 0) {
        end = afterWeakCue(i, e, kind);
      } else if ((kind & ATAS) != 0) {
        int n = skipSpaces(e, to);
        if (n > e
            && n + 4 <= to
            && text.regionMatches(true, n, "nama", 0, 4)
            && (n + 4 == to || !letter(cs[n + 4]))) {
          end = afterStrongCue(n + 4);
        }
      } else if (e - i == 1
          && e + 2 < to
          && (cs[e] == '.' || cs[e] == '/')
          && (cs[e + 1] == 'n' || cs[e + 1] == 'N')
          && (e + 2 == to || !letter(cs[e + 2]))) {
        // "a.n.", "a/n": on behalf of, in the name of.
        int q = e + 2 < to && cs[e + 2] == '.' ? e + 3 : e + 2;
        end = afterStrongCue(q);
      } else if ((kind & (STREET_ABBR | STREET_WORD)) != 0) {
        end = addresses().street(i, e, kind);
      } else if ((kind & HAMLET) != 0) {
        end = addresses().hamlet(i, e);
      }
      if (end > e) {
        skipTo = end;
      }
      i = e;
    }
  }

  /**
   * A name of known words only, two or more, from the known word at [s, e): its end, or -1. Not in
   * an upper-case line (headings, place lists) nor inside a place's or an organisation's name.
   */
  private int knownPair(int s, int e) {
    if (e + 1 >= to || !space(cs[e]) || !upper(cs[e + 1]) || allUpper(s, e)) {
      return -1;
    }
    int n = wordEnd(e + 1);
    if (n - e - 1 < 3 || !Names.known(cs, e + 1, n) || kind(e + 1, n) != 0) {
      return -1;
    }
    if (insidePlaceName(s)) {
      return -1;
    }
    int limit = nameLimit(s);
    int end = run(s, limit);
    if (end < n || runKnown < 2 || runKnown < runWords) {
      return -1;
    }
    int after = skipSpaces(end, limit);
    if (after < limit && after > end && letter(cs[after])) {
      int k = kind(after, wordEnd(after));
      if ((k & (ORG | STREET_SUFFIX)) != 0 && upper(cs[after])) {
        return -1; // "Siti Khadijah Hospital"
      }
    }
    String v = text.substring(s, end);
    if (!PersonalDataScanner.personName(v) || PersonalDataScanner.organisationName(v)) {
      return -1;
    }
    out.add(new PiiMatch(PiiType.NAME, s, end, 0.7));
    return end;
  }

  /** A name after an honorific word at [s, e), unless it is inside a place's name. */
  private int afterHonorific(int s, int e) {
    int kind = kind(s, e);
    if (e - s == 1 && s > from + 1 && space(cs[s - 1]) && letter(cs[s - 2]) && upper(cs[s - 2])) {
      return -1; // "Budi H. Santoso": a middle initial, no title
    }
    if ((kind & NOUN) != 0 && s > from && cs[s - 1] == '/') {
      return -1; // "Bapak/Ibu"
    }
    if (insidePlaceName(s)) {
      return -1;
    }
    int p = honorifics(s, to);
    if (!honorific) {
      return -1;
    }
    return nameAt(p, nameLimit(p), true);
  }

  /** A name after "pasien", a greeting, "Yth." or "Kepada": known names only, or a title. */
  private int afterWeakCue(int s, int e, int kind) {
    int p = e;
    if (p < to && (cs[p] == '.' || (cs[p] == ',' && (kind & LETTER) == 0))) {
      p++; // "Hi, Budi", "her husband, Mark,"
    }
    int q = skipSpaces(p, to);
    if ((kind & LETTER) != 0) {
      if (q < to && cs[q] == ':') {
        q = skipSpaces(q + 1, to);
      }
      if (q < to && lineBreak(cs[q])) {
        // "Kepada Yth.\ndr. Andi Wijaya": the name on the next line.
        q = skipSpaces(nextLine(q), to);
        int k = q;
        if (k < to && letter(cs[k]) && (kind(k, wordEnd(k)) & (WEAK | LETTER)) != 0) {
          return -1;
        }
      }
    }
    if (q == p && !(p > e)) {
      return -1;
    }
    if (q < to && letter(cs[q]) && (kind(q, wordEnd(q)) & (WEAK | LETTER)) != 0) {
      return -1; // "Kepada Yth." is read from "Yth."
    }
    return nameAt(q, nameLimit(q), false);
  }

  /** A name after "atas nama", "a.n." (optionally a colon): strong, as a label is. */
  private int afterStrongCue(int p) {
    int q = skipSpaces(p, to);
    if (q < to && cs[q] == ':') {
      q = skipSpaces(q + 1, to);
    }
    if (q == p) {
      return -1;
    }
    return nameAt(q, nameLimit(q), true);
  }

  // ------------------------------------------------------------------ lines

  /** Chat senders, signatures under a closing, name lines over an NIP or a title line. */
  private void lines() {
    int ls = from;
    int prevStart = -1;
    int prevEnd = -1;
    while (ls < to) {
      int le = lineEnd(ls);
      chatSender(ls, le);
      telegramHeader(ls, le);
      int s = skipSpaces(ls, le);
      if (s < le && letter(cs[s])) {
        if (le < to && le - s <= 40 && CLOSINGS.contains(closing(s, le))) {
          signature(nextLine(le));
        } else if (prevStart >= 0 && staffIdLine(s, le)) {
          nameLine(prevStart, prevEnd, true);
        } else if (prevStart >= 0 && titleLine(s, le)) {
          nameLine(prevStart, prevEnd, false);
        }
      }
      if (!blank(ls, le)) {
        prevStart = ls;
        prevEnd = le;
      }
      if (le >= to) {
        break;
      }
      ls = nextLine(le);
    }
  }

  /** The line [s, e) in lower case, single-spaced, without its closing punctuation. */
  private String closing(int s, int e) {
    int k = e;
    while (k > s
        && (Character.isWhitespace(cs[k - 1])
            || cs[k - 1] == ','
            || cs[k - 1] == '.'
            || cs[k - 1] == '!')) {
      k--;
    }
    StringBuilder b = new StringBuilder(k - s);
    for (int i = s; i < k; i++) {
      char c = cs[i];
      if (space(c) || c == '\t') {
        if (b.length() > 0 && b.charAt(b.length() - 1) != ' ') {
          b.append(' ');
        }
      } else if (letter(c)) {
        b.append(Character.toLowerCase(c));
      } else {
        return "";
      }
    }
    return b.toString();
  }

  /** The signatory under a closing: the first line below that is not blank, "ttd" or a role. */
  private void signature(int ls) {
    int line = ls;
    for (int n = 0; n < 6 && line < to; n++) {
      int le = lineEnd(line);
      int s = skipSpaces(line, le);
      String t = text.substring(s, Math.min(le, s + 40)).strip().toLowerCase(java.util.Locale.ROOT);
      boolean skip =
          s >= le
              || SIGNED.matcher(t).matches()
              || (le - s <= 60 && cs[le - 1] == ',')
              || PersonalDataScanner.organisationName(text.substring(s, le));
      if (!skip) {
        int e = le;
        int next = nextLine(le);
        boolean id = false;
        if (next < to) {
          int ne = lineEnd(next);
          int ns = skipSpaces(next, ne);
          id = staffIdLine(ns, ne);
        }
        nameLine(line, le, id);
        return;
      }
      if (le >= to) {
        return;
      }
      line = nextLine(le);
    }
  }

  /** A line starting with a staff identifier: "NIP. 19800101 200501 1 001", "SIP: 123/...". */
  private boolean staffIdLine(int s, int e) {
    int w = wordEnd(s);
    if (w - s < 3 || w - s > 6 || w >= e) {
      return false;
    }
    char c = cs[w];
    if (c != '.' && c != ':' && !space(c)) {
      return false;
    }
    for (String id : STAFF_IDS) {
      if (id.length() == w - s && text.regionMatches(true, s, id, 0, id.length())) {
        return true;
      }
    }
    return false;
  }

  /** A signatory's title line: short, no label, starting with a role ("Dokter Spesialis Anak"). */
  private boolean titleLine(int s, int e) {
    if (e - s > 60) {
      return false;
    }
    for (int k = s; k < e; k++) {
      if (cs[k] == ':') {
        return false;
      }
    }
    int w = wordEnd(s);
    return upper(cs[s]) && (kind(s, w) & ROLE) != 0;
  }

  /**
   * A line that is a name and nothing else: "dr. Rina Wijaya, Sp.PD", "( Budi Santoso )"; strong
   * when a staff identifier or a title line vouches for it, else the name must be known.
   */
  private void nameLine(int ls, int le, boolean strong) {
    int s = skipSpaces(ls, le);
    if (s < le && cs[s] == '(') {
      s = skipSpaces(s + 1, le);
    }
    int p = honorifics(s, le);
    boolean hon = honorific;
    int e = run(p, le);
    if (e < 0) {
      return;
    }
    int k = skipSpaces(e, le);
    if (k < le && cs[k] == ',') {
      if (!degrees(k + 1, le)) {
        return;
      }
      k = le;
    }
    k = skipSpaces(k, le);
    if (k < le && cs[k] == ')') {
      k = skipSpaces(k + 1, le);
    }
    if (k < le) {
      return;
    }
    if (!(strong || hon) && runKnown == 0) {
      return;
    }
    String v = text.substring(p, e);
    if (PersonalDataScanner.personName(v) && !PersonalDataScanner.organisationName(v)) {
      out.add(new PiiMatch(PiiType.NAME, p, e, 0.8));
    }
  }

  /** Whether text[s, e) is degrees after a name: " Sp.PD", " S.Kep, M.Kes", " MD". */
  private boolean degrees(int s, int e) {
    int letters = 0;
    for (int k = s; k < e; k++) {
      char c = cs[k];
      if (letter(c)) {
        letters++;
      } else if (c != '.' && c != ',' && c != ' ' && c != '(' && c != ')' && c != '-') {
        return false;
      }
    }
    return letters > 0 && e - s <= 40;
  }

  /**
   * A chat export's sender: "[12/03/24 08.15.22] Wulan IGD: ..." (iOS), "12/03/24 08.15 - Wulan
   * IGD: ..." (Android), also with a comma after the date and AM/PM. The sender's name is the name
   * run at its start ("Wulan IGD" is Wulan); a known name or a title is needed.
   */
  private void chatSender(int ls, int le) {
    int i = ls;
    if (i < le && cs[i] == '[') {
      i++;
    }
    int open = i;
    i = digits(i, le, 1, 2);
    if (i >= 0 && i < le && (cs[i] == ':' || cs[i] == '.') && timeOnly(open, le)) {
      // "08:18 Agus Lab: ...", "[08:19] dr Maya: ...": a chat written with the time only.
      i = open;
    } else if (i < 0 || i >= le || (cs[i] != '/' && cs[i] != '.' && cs[i] != '-')) {
      bareSender(ls, le);
      return;
    } else {
      i = date(i, le);
      if (i < 0) {
        return;
      }
    }
    time(i, le);
  }

  /** Whether a time (HH:MM, HH.MM, optionally :SS) stands at i, followed by a space or ']'. */
  private boolean timeOnly(int i, int le) {
    int k = digits(i, le, 1, 2);
    if (k < 0 || k >= le || (cs[k] != ':' && cs[k] != '.')) {
      return false;
    }
    k = digits(k + 1, le, 2, 2);
    if (k >= 0 && k < le && (cs[k] == ':' || cs[k] == '.')) {
      k = digits(k + 1, le, 2, 2);
    }
    return k >= 0 && k < le && (space(cs[k]) || cs[k] == ']');
  }

  /**
   * A chat line without its time: "Wulan IGD: noted". A sender only with a known given name at the
   * start of a short run of capitalised words just before the colon.
   */
  private void bareSender(int ls, int le) {
    int colon = -1;
    for (int k = ls; k < le && k - ls <= 32; k++) {
      if (cs[k] == ':') {
        colon = k;
        break;
      }
    }
    if (colon < 0 || colon + 1 >= le || !space(cs[colon + 1]) || !upper(cs[ls])) {
      return;
    }
    int w = wordEnd(ls);
    boolean cue = (kind(ls, w) & (PERSON_ROLE | HON)) != 0;
    if (w > colon
        || !(cue || Names.known(cs, ls, w))
        || (!cue && Lexicon.field(text.substring(ls, w)) != 0)) {
      return;
    }
    sender(ls, colon);
  }

  /**
   * A chat message's sender in text[p, colon): a name; a person's role before it ("Perawat Rina",
   * "Nurse Amy") or a title ("dr. Maya", "Dr Rahmat") says a person is named, else the name must be
   * known ("Wulan IGD").
   */
  private void sender(int p, int colon) {
    int q = p;
    boolean role = false;
    for (int n = 0; n < 2 && q < colon && letter(cs[q]); n++) {
      int w = wordEnd(q);
      if ((kind(q, w) & PERSON_ROLE) == 0 || w >= colon || !space(cs[w])) {
        break;
      }
      role = true;
      q = skipSpaces(w, colon);
    }
    nameAt(q, colon, true);
  }

  /**
   * A message header as Telegram copies it: "Wulan IGD, [07.03.24 08:15]" on a line of its own, the
   * message on the lines below.
   */
  private void telegramHeader(int ls, int le) {
    int e = le;
    while (e > ls && Character.isWhitespace(cs[e - 1])) {
      e--;
    }
    if (e - ls < 12 || cs[e - 1] != ']') {
      return;
    }
    int open = e - 2;
    while (open > ls && e - open < 24 && (digit(cs[open]) || ".:/- ,".indexOf(cs[open]) >= 0)) {
      open--;
    }
    if (cs[open] != '[' || open < ls + 3 || cs[open - 1] != ' ' || cs[open - 2] != ',') {
      return;
    }
    if (!digit(cs[open + 1]) || !upper(cs[ls])) {
      return;
    }
    sender(ls, open - 2);
  }

  /** The date of a chat line from its first separator at i: its end, or -1. */
  private int date(int i, int le) {
    {
      char sep = cs[i];
      i = digits(i + 1, le, 1, 2);
      if (i < 0 || i >= le || cs[i] != sep) {
        return -1;
      }
      i = digits(i + 1, le, 2, 4);
      if (i < 0) {
        return -1;
      }
      if (i < le && cs[i] == ',') {
        i++;
      }
      if (i >= le || !space(cs[i])) {
        return -1;
      }
      return i + 1;
    }
  }

  /** The time of a chat line at i, then its sender up to the colon. */
  private void time(int i, int le) {
    i = digits(i, le, 1, 2);
    if (i < 0 || i >= le || (cs[i] != '.' && cs[i] != ':')) {
      return;
    }
    i = digits(i + 1, le, 2, 2);
    if (i < 0) {
      return;
    }
    if (i < le && (cs[i] == '.' || cs[i] == ':')) {
      i = digits(i + 1, le, 2, 2);
      if (i < 0) {
        return;
      }
    }
    if (i + 2 < le
        && space(cs[i])
        && (cs[i + 2] == 'M' || cs[i + 2] == 'm')
        && "AaPp".indexOf(cs[i + 1]) >= 0) {
      i += 3;
    }
    if (i < le && cs[i] == ']') {
      i++;
    }
    i = skipSpaces(i, le);
    if (i < le && cs[i] == '-') {
      i = skipSpaces(i + 1, le);
    }
    if (i < le && cs[i] == '~') {
      i = skipSpaces(i + 1, le);
    }
    int colon = -1;
    for (int k = i; k < le && k - i <= 48; k++) {
      if (cs[k] == ':' && (k + 1 >= le || space(cs[k + 1]))) {
        colon = k;
        break;
      }
    }
    if (colon < 0) {
      return;
    }
    sender(i, colon);
  }

  /** End of 1..max digits (at least min) from i, or -1. */
  private int digits(int i, int limit, int min, int max) {
    int k = i;
    while (k < limit && k - i < max && digit(cs[k])) {
      k++;
    }
    if (k - i < min || (k < limit && digit(cs[k]))) {
      return -1;
    }
    return k;
  }

  // ------------------------------------------------------------------ labels

  /**
   * Labels and keys: "Nama : BUDI SANTOSO", "Nama Pasien: Tn. Ahmad", {@code patient="Budi"},
   * {@code nama=Siti%20Rahayu}, {@code "dokter":"dr. Rina"} in text. The key is read as a field
   * name ({@link Lexicon#field}): a name field's value is a name when written like one; a role's
   * ("Dokter:", "Pasien:", "Kontak darurat:") when it also holds a known name or a title. An
   * address label before a number-first street ("Address: 12 Baker Street") marks an English
   * address.
   */
  private void labels() {
    boolean lineStart = true;
    for (int c = from; c < to; c++) {
      char ch = cs[c];
      if (ch == ':' || ch == '=') {
        label(c);
      } else if (ch == ';' && c + 1 < to && cs[c + 1] == ' ' && c > from && cs[c - 1] == ' ') {
        label(c); // "Nama ; BUDI": a form's colon as a scan reads it
      } else if (ch == '<') {
        displayName(c);
      } else if (lineStart && letter(ch)) {
        formLine(c);
      }
      lineStart = lineBreak(ch) || (lineStart && (ch == ' ' || ch == '\t'));
    }
  }

  /**
   * A form's line without its colon, as scans and copied ID cards often read: a name label and an
   * upper-case value on the same line ("Nama BUDI SANTOSO") or on the next ("Nama" then "BUDI
   * SANTOSO"). Only name labels of one or two words, only upper-case values.
   */
  private void formLine(int s) {
    int k = s;
    int words = 0;
    int keyEnd = -1;
    while (k < to && words < 2) {
      int w = k;
      while (w < to && letter(cs[w])) {
        w++;
      }
      if (w == k) {
        break;
      }
      words++;
      boolean lower = false;
      for (int x = k; x < w; x++) {
        lower |= Character.isLowerCase(cs[x]);
      }
      if (words > 1 && !lower) {
        break; // "Nama BUDI": the label is written in lower case, the value in capitals
      }
      int classes = Lexicon.field(text.substring(s, w)) & Lexicon.MEANINGFUL;
      if (classes == Lexicon.NAME || classes == (Lexicon.NAME | Lexicon.PERSON)) {
        keyEnd = w;
      }
      k = w;
      if (k < to && cs[k] == ' ' && k + 1 < to && letter(cs[k + 1])) {
        k++;
      } else {
        break;
      }
    }
    if (keyEnd < 0 || keyEnd >= to) {
      return;
    }
    int v = IdentityForms.otherLanguage(text, cs, keyEnd, to);
    while (v < to && (cs[v] == ' ' || cs[v] == '\t')) {
      v++;
    }
    if (v < to && (cs[v] == '\r' || cs[v] == '\n')) {
      v += cs[v] == '\r' && v + 1 < to && cs[v + 1] == '\n' ? 2 : 1;
    } else if (v == keyEnd || cs[v - 1] != ' ' && cs[v - 1] != '\t') {
      return; // a word glued to the key
    }
    int e = v;
    boolean upper = false;
    while (e < to && !lineBreak(cs[e])) {
      if (Character.isLowerCase(cs[e]) || cs[e] == ':') {
        return;
      }
      upper |= Character.isUpperCase(cs[e]);
      e++;
    }
    if (upper) {
      label(v - 1);
    }
  }

  /**
   * A mail header's display name: "Budi Santoso &lt;budi.santoso@gmail.com&gt;". A person's when
   * the mailbox is no role's and the name is known or written in the mailbox's local part.
   */
  private void displayName(int lt) {
    int gt = -1;
    int at = -1;
    for (int k = lt + 1; k < to && k - lt < 80 && !lineBreak(cs[k]); k++) {
      if (cs[k] == '@') {
        at = k;
      } else if (cs[k] == '>') {
        gt = k;
        break;
      }
    }
    if (at < 0 || gt < 0) {
      return;
    }
    String local = text.substring(lt + 1, at);
    if (RoleMailboxes.role(local)) {
      return;
    }
    int e = lt;
    while (e > from && space(cs[e - 1])) {
      e--;
    }
    if (e > from && cs[e - 1] == '"') {
      e--;
    }
    int s = e;
    while (s > from
        && e - s < 60
        && !lineBreak(cs[s - 1])
        && cs[s - 1] != ':'
        && cs[s - 1] != ','
        && cs[s - 1] != '"'
        && cs[s - 1] != ';') {
      s--;
    }
    s = skipSpaces(s, e);
    int p = honorifics(s, e);
    boolean hon = honorific;
    int end = run(p, e);
    if (end != e) {
      return;
    }
    boolean inLocal = false;
    String lower = local.toLowerCase(java.util.Locale.ROOT);
    for (int i = p; i < end; ) {
      int w = wordEnd(i);
      if (w - i >= 3 && lower.contains(text.substring(i, w).toLowerCase(java.util.Locale.ROOT))) {
        inLocal = true;
      }
      i = w;
      while (i < end && !letter(cs[i])) {
        i++;
      }
    }
    String v = text.substring(p, end);
    if ((hon || runKnown > 0 || inLocal)
        && PersonalDataScanner.personName(v)
        && !PersonalDataScanner.organisationName(v)) {
      out.add(new PiiMatch(PiiType.NAME, p, end, 0.8));
    }
  }

  private void label(int c) {
    int v = c + 1;
    if (cs[c] == ':') {
      if (v < to
          && (cs[v] == '/' || cs[v] == ':' || digit(cs[v]) && c > from && digit(cs[c - 1]))) {
        return; // a URL, a time
      }
    } else if ((v < to && cs[v] == '=') || (c > from && "=!<>".indexOf(cs[c - 1]) >= 0)) {
      return;
    }
    int ke = c;
    while (ke > from && (space(cs[ke - 1]) || cs[ke - 1] == '\t') && c - ke < 40) {
      ke--;
    }
    if (ke - 2 > from && (cs[ke - 1] == '|' || cs[ke - 1] == '~') && space(cs[ke - 2])) {
      // "Nama | : BUDI": a form's ruling read as a bar before the colon.
      ke--;
      while (ke > from && space(cs[ke - 1]) && c - ke < 40) {
        ke--;
      }
    }
    int ks;
    if (ke > from && (cs[ke - 1] == '"' || cs[ke - 1] == '\'')) {
      char q = cs[ke - 1];
      ke--;
      ks = ke;
      while (ks > from && cs[ks - 1] != q && ke - ks < 40 && !lineBreak(cs[ks - 1])) {
        ks--;
      }
      if (ks <= from || cs[ks - 1] != q) {
        return;
      }
    } else {
      ks = keyStart(ke);
      if (ks >= ke && cs[c] == ':') {
        long above = IdentityForms.keyAbove(cs, from, c); // "Nama" over ": BUDI SANTOSO"
        if (above >= 0) {
          ks = (int) (above >>> 32);
          ke = (int) above;
        }
      }
    }
    if (ks >= ke || ke - ks > 40) {
      return;
    }
    boolean hasLetter = false;
    for (int k = ks; k < ke; k++) {
      hasLetter |= letter(cs[k]);
    }
    if (!hasLetter) {
      return;
    }
    int classes = Lexicon.field(text.substring(ks, ke)) & Lexicon.MEANINGFUL;
    int personal = Lexicon.NAME | Lexicon.PERSON;
    boolean nameKey = (classes & Lexicon.NAME) != 0 && (classes & ~personal) == 0;
    boolean roleKey =
        !nameKey && (classes & Lexicon.PERSON) != 0 && (classes & ~(personal | Lexicon.PHONE)) == 0;
    boolean addressKey =
        (classes & Lexicon.ADDRESS) != 0
            && (classes & (Lexicon.OBJECT | Lexicon.NEG | Lexicon.EMAIL)) == 0;
    if (!nameKey && !roleKey && !addressKey) {
      return;
    }
    int le = nameLimit(v);
    int p = skipSpaces(v, le);
    if (p >= le) {
      return;
    }
    if (addressKey) {
      if (digit(cs[p])) {
        addresses().numberFirst(p, le);
      }
      return;
    }
    boolean phoneToo = (classes & Lexicon.PHONE) != 0;
    // A bare "name:" names whatever its record is (a drug, a service): a person's only with a
    // known name, a title, or on an upper-case form line ("NAMA : BUDI SANTOSO").
    String key = text.substring(ks, ke);
    if (key.equalsIgnoreCase("nama") || key.equalsIgnoreCase("name")) {
      boolean upperValue = true;
      for (int k = p; k < le && upperValue; k++) {
        upperValue = !Character.isLowerCase(cs[k]);
      }
      nameKey = nameKey && upperValue;
    }
    char q = cs[p];
    if (q == '"' || q == '\'' || q == '“') {
      char close = q == '“' ? '”' : q;
      int qe = p + 1;
      while (qe < le && cs[qe] != close && qe - p <= 80) {
        qe++;
      }
      if (qe >= le || cs[qe] != close) {
        if (!nameKey || qe < le || p + 1 >= le || !upper(cs[p + 1])) {
          return;
        }
        p++; // 'Nama : "BUDI SANTOSO': a speck a scan read as a quote, never closed
      } else {
        quoted(p + 1, qe, !nameKey);
        return;
      }
    }
    if (cs[c] == '=' && urlEncoded(p, le, nameKey)) {
      return;
    }
    nameAt(p, le, nameKey);
  }

  /** Start of an unquoted key ending at ke: up to four words back, on the same line. */
  private int keyStart(int ke) {
    int k = ke;
    int words = 0;
    while (k > from && ke - k < 40) {
      char c = cs[k - 1];
      if (letter(c) || digit(c)) {
        int ws = k - 1;
        while (ws > from && (letter(cs[ws - 1]) || digit(cs[ws - 1]))) {
          ws--;
        }
        if (++words > 4) {
          break;
        }
        k = ws;
      } else if (c == '_' || c == '-' || c == '/' || c == ' ' || c == '.') {
        // A period followed by a space after a long word ends a sentence, not an abbreviation.
        if (c == '.' && k < ke && space(cs[k])) {
          int ws = k - 1;
          while (ws > from && letter(cs[ws - 1])) {
            ws--;
          }
          if (k - 1 - ws > 4) {
            break;
          }
        }
        if (c == ' ' && k - 1 > from && cs[k - 2] == ' ') {
          break;
        }
        k--;
      } else {
        break;
      }
    }
    while (k < ke && !letter(cs[k]) && !digit(cs[k])) {
      k++;
    }
    return k;
  }

  /** A quoted value after a name or role key: a name when written like one. */
  private void quoted(int s, int e, boolean needKnown) {
    String v = text.substring(s, e);
    if (v.isBlank()
        || !PersonalDataScanner.personName(v.strip())
        || PersonalDataScanner.organisationName(v)
        || (needKnown && !Names.anyKnown(v))) {
      return;
    }
    int a = s;
    int b = e;
    while (a < b && Character.isWhitespace(cs[a])) {
      a++;
    }
    while (b > a && Character.isWhitespace(cs[b - 1])) {
      b--;
    }
    int[] span = PersonalDataScanner.nameSpan(text, a, b);
    if (span[1] > span[0]) {
      out.add(new PiiMatch(PiiType.NAME, span[0], span[1], 0.85));
    }
  }

  /** A URL-encoded value ({@code nama=Siti%20Rahayu}, {@code name=Budi+Santoso}): the raw span. */
  private boolean urlEncoded(int p, int le, boolean strong) {
    int e = p;
    boolean encoded = false;
    while (e < le && e - p < 80) {
      char c = cs[e];
      if (c == '%' && e + 2 < le && cs[e + 1] == '2' && cs[e + 2] == '0') {
        encoded = true;
        e += 3;
      } else if (c == '+') {
        encoded = true;
        e++;
      } else if (letter(c) || c == '.' || c == '\'' || c == '-') {
        e++;
      } else {
        break;
      }
    }
    if (!encoded
        || (e < le
            && !(space(cs[e]) || cs[e] == '&' || cs[e] == ';' || cs[e] == ',' || cs[e] == '"'))) {
      return false;
    }
    String v = text.substring(p, e).replace("%20", " ").replace('+', ' ');
    if (PersonalDataScanner.personName(v)
        && !PersonalDataScanner.organisationName(v)
        && (strong || Names.anyKnown(v))) {
      out.add(new PiiMatch(PiiType.NAME, p, e, 0.85));
    }
    return true;
  }

  private Addresses addresses() {
    if (addresses == null) {
      addresses = new Addresses(text, cs, from, to, out);
    }
    return addresses;
  }

  /** The kind bits of a word (see the constants above), 0 for a word the table lacks. */
  static int wordKind(char[] cs, int s, int e) {
    return WORDS.get(cs, s, e);
  }

  static boolean streetWord(int kind) {
    return (kind & (STREET_ABBR | STREET_WORD)) != 0;
  }

  static boolean streetAbbreviation(int kind) {
    return (kind & STREET_ABBR) != 0;
  }

  static boolean numberWord(int kind) {
    return (kind & NUMBER_WORD) != 0;
  }

  static boolean blockWord(int kind) {
    return (kind & BLOCK_WORD) != 0;
  }

  static boolean area(int kind) {
    return (kind & AREA) != 0;
  }

  static boolean organisation(int kind) {
    return (kind & ORG) != 0;
  }

  static boolean streetSuffix(int kind) {
    return (kind & STREET_SUFFIX) != 0;
  }
}
