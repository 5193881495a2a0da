package dev.periksa.pii.gate;

import static dev.periksa.pii.PiiType.ADDRESS;
import static dev.periksa.pii.PiiType.BIRTH_DATE;
import static dev.periksa.pii.PiiType.BPJS;
import static dev.periksa.pii.PiiType.DIAGNOSIS;
import static dev.periksa.pii.PiiType.EMAIL;
import static dev.periksa.pii.PiiType.JWT;
import static dev.periksa.pii.PiiType.MEDICAL_RECORD_NUMBER;
import static dev.periksa.pii.PiiType.NAME;
import static dev.periksa.pii.PiiType.NIK;
import static dev.periksa.pii.PiiType.PASSPORT;
import static dev.periksa.pii.PiiType.PHONE;
import static dev.periksa.pii.PiiType.SSN;
import static dev.periksa.pii.PiiType.TEST_RESULT;

import dev.periksa.pii.PiiType;
import dev.periksa.pii.gate.GatePeople.Staff;
import dev.periksa.pii.gate.GateVocab.Diagnosis;
import dev.periksa.pii.gate.GateVocab.Facility;
import dev.periksa.pii.gate.GateVocab.Num;
import dev.periksa.pii.gate.GateVocab.Qual;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Format {@code xml}: SIMRS exports, LIS results, e-Klaim files, SOAP responses. */
final class GateXml {
  private GateXml() {}

  private static void el(GateText g, String ind, String tag, PiiType type, String value) {
    g.t(ind + "<" + tag + ">").maybe(type, value).line("</" + tag + ">");
  }

  private static void attr(GateText g, String name, PiiType type, String value) {
    g.t(" " + name + "=\"").maybe(type, value).t("\"");
  }

  /** A SIMRS patient export: elements or attributes, structured or one-line addresses. */
  static void simrsExport(GateRng r, GateText g) {
    LocalDate d = GateValues.day(r);
    Facility f = r.pick(GateVocab.HOSPITALS);
    int n = r.between(1, 4);
    boolean attrs = r.chance(0.3);
    g.line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    g.line(
        "<!-- Ekspor data pasien "
            + f.name()
            + " "
            + GateValues.iso(d)
            + " "
            + GateValues.hms(r)
            + " -->");
    g.line(
        "<DataPasien faskes=\""
            + f.code()
            + "\" tanggal=\""
            + GateValues.iso(d)
            + "\" jumlah=\""
            + n
            + "\">");
    for (int i = 0; i < n; i++) {
      GatePerson p = GatePeople.indonesian(r, d, 0, 90);
      String mrn = GateValues.mrn(r, f.mrnStyle(), d);
      if (attrs) {
        g.t("  <pasien");
        attr(g, "no_rm", MEDICAL_RECORD_NUMBER, mrn);
        attr(g, "nama", NAME, p.upper());
        attr(g, "nik", NIK, p.nik);
        attr(g, "tgl_lahir", BIRTH_DATE, GateValues.iso(p.birth));
        attr(g, "jk", null, p.female ? "P" : "L");
        attr(g, "hp", PHONE, GateValues.phone(r, p.mobile));
        g.line(">");
        g.t("    <alamat>")
            .v(ADDRESS, GatePeople.addressRun(r, p, 0.6))
            .line(", " + p.areaId() + "</alamat>");
        if (r.chance(0.6)) {
          el(g, "    ", "no_bpjs", BPJS, p.bpjs);
        }
        el(g, "    ", "tgl_daftar", null, GateValues.iso(d.minusDays(r.below(400))));
        g.line("  </pasien>");
      } else {
        g.line("  <Pasien id=\"" + r.between(1000, 900000) + "\">");
        el(g, "    ", "NoRM", MEDICAL_RECORD_NUMBER, mrn);
        el(g, "    ", "Nama", NAME, r.chance(0.5) ? p.upper() : p.full());
        el(g, "    ", "NIK", NIK, p.nik);
        el(g, "    ", "TempatLahir", null, p.birthPlace);
        el(
            g,
            "    ",
            "TanggalLahir",
            BIRTH_DATE,
            r.chance(0.7) ? GateValues.iso(p.birth) : GateValues.dmy(p.birth, "-"));
        el(g, "    ", "JenisKelamin", null, p.female ? "P" : "L");
        if (r.chance(0.5)) {
          g.line("    <Alamat>");
          el(g, "      ", "Jalan", ADDRESS, p.street);
          el(g, "      ", "RT", null, p.rt);
          el(g, "      ", "RW", null, p.rw);
          el(g, "      ", "Kelurahan", null, p.kelurahan);
          el(g, "      ", "Kecamatan", null, p.kecamatan);
          el(g, "      ", "Kota", null, p.place.regency());
          el(g, "      ", "KodePos", null, p.postcode);
          g.line("    </Alamat>");
        } else {
          g.t("    <Alamat>")
              .v(ADDRESS, GatePeople.addressRun(r, p, 0.7))
              .line(", " + p.areaId() + "</Alamat>");
        }
        el(g, "    ", "Telepon", PHONE, GateValues.phone(r, p.mobile));
        if (r.chance(0.6)) {
          el(g, "    ", "NoBPJS", BPJS, p.bpjs);
        }
        if (r.chance(0.3)) {
          el(g, "    ", "Email", EMAIL, p.email);
        }
        el(g, "    ", "TglDaftar", null, GateValues.iso(d.minusDays(r.below(400))));
        g.line("  </Pasien>");
      }
    }
    g.line("</DataPasien>");
  }

  /** A LIS result document: instrument serial, reference attributes, results in elements. */
  static void lisResult(GateRng r, GateText g) {
    LocalDate d = GateValues.day(r);
    Facility f = r.chance(0.5) ? r.pick(GateVocab.LABS) : r.pick(GateVocab.HOSPITALS);
    GatePerson p = GatePeople.indonesian(r, d, 0, 90);
    Staff doc = GatePeople.doctor(r, d, r.chance(0.5));
    Staff pk = GatePeople.pathologist(r, d);
    g.line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    g.line(
        "<HasilLab xmlns=\"urn:lis:"
            + f.code().toLowerCase(java.util.Locale.ROOT)
            + ":1.0\" noLab=\""
            + GateValues.labNo(r, d)
            + "\" tglSampel=\""
            + GateValues.iso(d)
            + "T"
            + GateValues.hms(r)
            + "\">");
    g.line(
        "  <Instrumen nama=\""
            + r.pick(GateVocab.ANALYSERS)
            + "\" serial=\""
            + GateValues.serial(r).replace(" ", "")
            + "\"/>");
    g.t("  <Pasien");
    attr(g, "noRM", MEDICAL_RECORD_NUMBER, GateValues.mrn(r, f.mrnStyle(), d));
    attr(g, "nama", NAME, p.full());
    attr(g, "tglLahir", BIRTH_DATE, GateValues.iso(p.birth));
    attr(g, "jk", null, p.female ? "P" : "L");
    g.line("/>");
    g.t("  <DokterPengirim>");
    doc.put(g);
    g.line("</DokterPengirim>");
    List<Num> nums = new ArrayList<>(GateVocab.NUMS);
    int nn = r.between(0, 3);
    for (int i = 0; i < nn; i++) {
      Num n = nums.remove(r.below(nums.size()));
      g.line(
          "  <Pemeriksaan kode=\""
              + n.loinc()
              + "\" nama=\""
              + n.id()
              + "\" satuan=\""
              + n.unit()
              + "\" rujukan=\""
              + n.ref().replace("<", "&lt;")
              + "\"><Hasil>"
              + GateValues.measure(r.between(n.lo10(), n.hi10()), n.decimals(), '.')
              + "</Hasil></Pemeriksaan>");
    }
    List<Qual> quals = new ArrayList<>(GateVocab.QUALS);
    int nq = r.between(1, 3);
    for (int i = 0; i < nq; i++) {
      Qual q = quals.remove(r.below(quals.size()));
      boolean pos = GateBits.positive(r);
      g.t(
              "  <Pemeriksaan kode=\""
                  + q.loinc()
                  + "\" nama=\""
                  + q.tableId()
                  + "\" metode=\""
                  + q.method()
                  + "\" rujukan=\""
                  + GateBits.reference(r, q, false)
                  + "\"><Hasil>")
          .v(TEST_RESULT, GateBits.outcome(r, q, pos, false))
          .line("</Hasil>" + (pos ? "<Flag>*</Flag>" : "") + "</Pemeriksaan>");
    }
    g.t("  <Validasi oleh=\"");
    pk.put(g);
    g.line("\" waktu=\"" + GateValues.iso(d) + "T" + GateValues.hms(r) + "\"/>");
    g.line("</HasilLab>");
  }

  /** An e-Klaim style claim: SEP number, JKN card, diagnoses joined by '#', coder NIK. */
  static void eklaim(GateRng r, GateText g) {
    LocalDate out = GateValues.day(r);
    LocalDate in = out.minusDays(r.between(0, 8));
    Facility f = r.pick(GateVocab.HOSPITALS);
    GatePerson p = GatePeople.indonesian(r, out, 0, 90);
    GatePerson coder = GatePeople.indonesian(r, out, 22, 50);
    g.line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    g.line("<eklaim versi=\"5.8\" kode_rs=\"" + f.ppk().substring(0, 4) + "\">");
    g.line("  <klaim>");
    el(g, "    ", "nomor_sep", null, GateValues.sep(r, f.ppk(), out));
    el(g, "    ", "nomor_kartu", BPJS, p.bpjs);
    el(g, "    ", "nomor_rm", MEDICAL_RECORD_NUMBER, GateValues.mrn(r, f.mrnStyle(), out));
    el(g, "    ", "nama_pasien", NAME, p.upper());
    g.t("    <tgl_lahir>").v(BIRTH_DATE, GateValues.iso(p.birth)).line(" 00:00:00</tgl_lahir>");
    el(g, "    ", "gender", null, p.female ? "2" : "1");
    el(g, "    ", "tgl_masuk", null, GateValues.iso(in) + " " + GateValues.hms(r));
    el(g, "    ", "tgl_pulang", null, GateValues.iso(out) + " " + GateValues.hms(r));
    el(g, "    ", "jenis_rawat", null, r.pick("1", "2"));
    el(g, "    ", "kelas_rawat", null, r.pick("1", "2", "3"));
    Diagnosis dx = r.pick(GateVocab.DIAGNOSES);
    g.t("    <diagnosa>").v(DIAGNOSIS, dx.code());
    int more = r.between(0, 2);
    Diagnosis cur = dx;
    for (int i = 0; i < more; i++) {
      cur = GateBits.other(r, cur);
      g.t("#").v(DIAGNOSIS, cur.code());
    }
    g.line("</diagnosa>");
    el(
        g,
        "    ",
        "procedure",
        null,
        r.pick(GateBits.PROCEDURES).substring(0, 5)
            + "#"
            + r.pick(GateBits.PROCEDURES).substring(0, 5));
    el(g, "    ", "tarif_rs", null, Integer.toString(r.between(300, 40000) * 1000));
    el(g, "    ", "payor_id", null, "3");
    el(g, "    ", "payor_cd", null, "JKN");
    el(g, "    ", "coder_nik", NIK, coder.nik);
    g.line(
        "    <grouper><cbg code=\""
            + r.pick("A", "J", "K", "I", "E")
            + "-4-"
            + r.between(10, 16)
            + "-"
            + r.pick("I", "II", "III")
            + "\" tarif=\""
            + r.between(2000, 15000) * 1000
            + "\"/></grouper>");
    g.line("  </klaim>");
    g.line("</eklaim>");
  }

  /** English SOAP eligibility response from a private insurer. */
  static void soapEligibility(GateRng r, GateText g) {
    LocalDate d = GateValues.day(r);
    Facility f = r.pick(GateVocab.HOSPITALS);
    boolean foreign = r.chance(0.6);
    GatePerson p =
        foreign ? GatePeople.foreigner(r, d, 18, 80) : GatePeople.indonesian(r, d, 18, 80);
    g.line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    g.line("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">");
    g.line("  <soap:Header>");
    if (r.chance(0.5)) {
      g.t(
              "    <wsse:Security xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\"><wsse:BinarySecurityToken ValueType=\"urn:ietf:params:oauth:token-type:jwt\">")
          .v(JWT, GateValues.jwt(r, "auth.insurer.example", d))
          .line("</wsse:BinarySecurityToken></wsse:Security>");
    }
    g.line("    <MessageId>" + GateValues.uuid(r) + "</MessageId>");
    g.line("  </soap:Header>");
    g.line("  <soap:Body>");
    g.line("    <EligibilityResponse xmlns=\"urn:insurer:eligibility:v2\">");
    g.line("      <Member>");
    el(g, "        ", "MemberId", null, "MBR" + r.digits(9));
    el(g, "        ", "PolicyNumber", null, r.pick("GH", "IP", "EX") + "-" + r.digits(8));
    el(g, "        ", "FullName", NAME, p.full());
    el(g, "        ", "DateOfBirth", BIRTH_DATE, GateValues.iso(p.birth));
    if (foreign) {
      el(g, "        ", "PassportNumber", PASSPORT, GateValues.passport(r, p.country.code()));
      el(g, "        ", "Nationality", null, p.country.code());
      if (p.country.code().equals("US") && r.chance(0.5)) {
        el(g, "        ", "SSN", SSN, GateValues.ssn(r));
      }
    } else {
      el(g, "        ", "NationalId", NIK, p.nik);
    }
    if (r.chance(0.6)) {
      el(g, "        ", "Phone", PHONE, GatePeople.phoneOf(r, p));
    }
    if (r.chance(0.5)) {
      el(g, "        ", "Email", EMAIL, p.email);
    }
    g.line("      </Member>");
    g.line(
        "      <Coverage><Plan>"
            + r.pick("Gold", "Silver", "Platinum Expat")
            + "</Plan><ValidUntil>"
            + GateValues.iso(d.plusDays(r.between(30, 365)))
            + "</ValidUntil><Status>ACTIVE</Status></Coverage>");
    g.line("      <Provider>");
    el(g, "        ", "Name", null, f.name());
    el(g, "        ", "Address", null, f.street() + ", " + f.area());
    el(g, "        ", "Phone", null, f.phone());
    el(g, "        ", "TaxId", null, f.npwp());
    g.line("      </Provider>");
    g.line("    </EligibilityResponse>");
    g.line("  </soap:Body>");
    g.line("</soap:Envelope>");
  }
}
