package dev.periksa.pii.gate;

import static dev.periksa.pii.PiiType.ADDRESS;
import static dev.periksa.pii.PiiType.BIRTH_DATE;
import static dev.periksa.pii.PiiType.BPJS;
import static dev.periksa.pii.PiiType.DIAGNOSIS;
import static dev.periksa.pii.PiiType.EMAIL;
import static dev.periksa.pii.PiiType.MEDICAL_RECORD_NUMBER;
import static dev.periksa.pii.PiiType.NAME;
import static dev.periksa.pii.PiiType.NIK;
import static dev.periksa.pii.PiiType.PASSPORT;
import static dev.periksa.pii.PiiType.PHONE;
import static dev.periksa.pii.PiiType.TEST_RESULT;
import static dev.periksa.pii.gate.GateText.val;

import dev.periksa.pii.gate.GatePeople.Staff;
import dev.periksa.pii.gate.GateVocab.Diagnosis;
import dev.periksa.pii.gate.GateVocab.Facility;
import dev.periksa.pii.gate.GateVocab.Num;
import dev.periksa.pii.gate.GateVocab.Qual;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Format {@code hl7}: HL7 v2 ADT and ORU messages. */
final class GateHl7 {
  private GateHl7() {}

  private static String ts(GateRng r, LocalDate d) {
    return GateValues.compact(d) + GateValues.hms(r).replace(":", "");
  }

  /** XCN: id^FAMILY^GIVEN^^^prefix^degree, with FAMILY^GIVEN one NAME span. */
  private static Object[] xcn(GateRng r, Staff s) {
    String name = GateValues.up(s.name());
    int sp = name.lastIndexOf(' ');
    String xpn = sp < 0 ? name : name.substring(sp + 1) + "^" + name.substring(0, sp);
    String prefix = s.prefix().strip();
    String degree = s.suffix().replace(", ", "").strip();
    return new Object[] {
      r.digits(6) + "^", val(NAME, xpn), (sp < 0 ? "^" : "") + "^^^" + prefix + "^" + degree
    };
  }

  private static Object[] xad(GateRng r, GatePerson p) {
    return new Object[] {
      val(ADDRESS, GatePeople.addressRun(r, p, 0.6)),
      "^"
          + GateValues.title(p.kelurahan)
          + "^"
          + p.place.town()
          + "^"
          + GateValues.title(p.place.province())
          + "^"
          + p.postcode
          + "^IDN^H"
    };
  }

  private static void msh(GateRng r, GateText g, Facility f, String type, LocalDate d, String end) {
    g.t(
        "MSH|^~\\&|"
            + r.pick("SIMRS", "KHANZA", "SIMGOS")
            + "|"
            + f.code()
            + "|"
            + r.pick("LIS", "SATUSEHAT", "PACS", "HIS")
            + "|"
            + r.pick("LAB", "KEMKES", "RAD")
            + "|"
            + ts(r, d)
            + "||"
            + type
            + "|MSG"
            + r.digits(8)
            + "|P|"
            + r.pick("2.3", "2.5", "2.5.1")
            + end);
  }

  private static List<Object> pid(GateRng r, GatePerson p, Facility f, LocalDate d, boolean full) {
    List<Object> ids = new ArrayList<>();
    ids.add(val(MEDICAL_RECORD_NUMBER, GateValues.mrn(r, f.mrnStyle(), d)));
    ids.add("^^^" + f.code() + "^MR");
    if (p.foreign()) {
      ids.add("~");
      ids.add(val(PASSPORT, GateValues.passport(r, p.country.code())));
      ids.add("^^^" + p.country.code() + "^PPN");
    } else {
      if (full || r.chance(0.6)) {
        ids.add("~");
        ids.add(val(NIK, p.nik));
        ids.add("^^^DUKCAPIL^NNIDN");
      }
      if (r.chance(0.5)) {
        ids.add("~");
        ids.add(val(BPJS, p.bpjs));
        ids.add("^^^BPJS^HC");
      }
    }
    List<Object> fields = new ArrayList<>();
    fields.add("PID");
    fields.add("1");
    fields.add("");
    fields.add(ids.toArray());
    fields.add("");
    fields.add(val(NAME, p.hl7()));
    if (full && r.chance(0.4)) {
      GatePerson mother = GatePeople.indonesian(r, d, 40, 90, true);
      fields.add(val(NAME, mother.upper()));
    } else {
      fields.add("");
    }
    fields.add(val(BIRTH_DATE, GateValues.compact(p.birth)));
    fields.add(p.female ? "F" : "M");
    fields.add("");
    fields.add("");
    if (full || r.chance(0.5)) {
      fields.add(xad(r, p));
    } else {
      fields.add("");
    }
    fields.add("");
    if (full || r.chance(0.5)) {
      Object[] tel =
          p.foreign()
              ? new Object[] {val(PHONE, GateValues.foreignPhone(r, p.country.code())), "^PRN^CP"}
              : r.chance(0.3)
                  ? new Object[] {
                    val(PHONE, "0" + p.mobile), "^PRN^CP~^NET^Internet^", val(EMAIL, p.email)
                  }
                  : new Object[] {val(PHONE, GateValues.phone(r, p.mobile)), "^PRN^CP"};
      fields.add(tel);
    } else {
      fields.add("");
    }
    fields.add("");
    fields.add(r.pick("ind", "ID", ""));
    fields.add(r.pick("M", "S", "W", ""));
    fields.add(r.pick("ISL", "KRI", "KAT", "HIN", "BUD", ""));
    fields.add(GateValues.regNo(r, d));
    return fields;
  }

  private static void seg(GateText g, List<Object> fields, String end) {
    g.join("|", fields.toArray()).t(end);
  }

  /** ADT^A01 admission with next of kin and admitting diagnosis. */
  static void adtA01(GateRng r, GateText g) {
    LocalDate d = GateValues.day(r);
    Facility f = r.pick(GateVocab.HOSPITALS);
    GatePerson p =
        r.chance(0.1) ? GatePeople.foreigner(r, d, 18, 80) : GatePeople.indonesian(r, d, 0, 90);
    String end = r.chance(0.5) ? "\r" : "\n";
    msh(r, g, f, r.pick("ADT^A01^ADT_A01", "ADT^A01"), d, end);
    g.t("EVN|A01|" + ts(r, d) + "|||u" + r.digits(5) + end);
    seg(g, pid(r, p, f, d, true), end);
    if (r.chance(0.6)) {
      GatePerson k = GatePeople.indonesian(r, d, 20, 75, !p.female);
      g.join(
              "|",
              "NK1",
              "1",
              val(NAME, k.hl7()),
              r.pick("SPO^Suami/Istri", "PAR^Orang tua", "CHD^Anak", "SIB^Saudara"),
              r.chance(0.5) ? xad(r, k) : "",
              val(PHONE, GateValues.phone(r, k.mobile)))
          .t(end);
    }
    Staff doc = GatePeople.doctor(r, d, true);
    g.join(
            "|",
            "PV1",
            "1",
            "I",
            r.pick(GateBits.WARDS).toUpperCase(java.util.Locale.ROOT)
                + "^"
                + r.between(101, 330)
                + "^"
                + r.between(1, 4)
                + "^"
                + f.code(),
            "",
            "",
            "",
            xcn(r, doc),
            "",
            "",
            r.pick("MED", "SUR", "PED", "OBS"),
            "",
            "",
            "",
            r.pick("1", "7"),
            "",
            "",
            "",
            r.pick("BPJS", "UMUM", "ASR"),
            "V" + r.digits(9),
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            ts(r, d))
        .t(end);
    Diagnosis dx = r.pick(GateVocab.DIAGNOSES);
    g.join(
            "|",
            "DG1",
            "1",
            r.pick("I10", "ICD10", ""),
            new Object[] {val(DIAGNOSIS, dx.code()), "^" + dx.id() + "^I10"},
            dx.id(),
            ts(r, d),
            "A")
        .t(end);
    if (r.chance(0.3)) {
      Diagnosis d2 = GateBits.other(r, dx);
      g.join(
              "|",
              "DG1",
              "2",
              "I10",
              new Object[] {val(DIAGNOSIS, d2.code()), "^" + d2.en() + "^I10"},
              "",
              ts(r, d),
              "W")
          .t(end);
    }
  }

  /** ORU^R01 lab results: numeric and qualitative OBX, reference ranges in OBX-7. */
  static void oruR01(GateRng r, GateText g) {
    LocalDate d = GateValues.day(r);
    Facility f = r.chance(0.5) ? r.pick(GateVocab.HOSPITALS) : r.pick(GateVocab.LABS);
    GatePerson p = GatePeople.indonesian(r, d, 0, 90);
    String end = r.chance(0.5) ? "\r" : "\n";
    msh(r, g, f, r.pick("ORU^R01^ORU_R01", "ORU^R01"), d, end);
    seg(g, pid(r, p, f, d, false), end);
    String order = "ORD" + r.digits(8);
    String lab = GateValues.labNo(r, d);
    g.t("ORC|RE|" + order + "|" + lab + "||CM" + end);
    Staff doc = GatePeople.doctor(r, d, r.chance(0.5));
    g.join(
            "|",
            "OBR",
            "1",
            order,
            lab,
            r.pick(
                "58410-2^CBC panel^LN",
                "24323-8^Comprehensive metabolic panel^LN",
                "LAB^Pemeriksaan Laboratorium^L"),
            "",
            "",
            ts(r, d),
            "",
            "",
            "",
            "",
            "",
            "",
            ts(r, d),
            "",
            xcn(r, doc),
            "",
            "",
            "",
            "",
            "",
            ts(r, d),
            "",
            "",
            "F")
        .t(end);
    int set = 1;
    List<Num> nums = new ArrayList<>(GateVocab.NUMS);
    int nn = r.between(0, 4);
    for (int i = 0; i < nn; i++) {
      Num n = nums.remove(r.below(nums.size()));
      int v = r.between(n.lo10(), n.hi10());
      g.t(
          "OBX|"
              + set++
              + "|NM|"
              + n.loinc()
              + "^"
              + n.en()
              + "^LN||"
              + GateValues.measure(v, n.decimals(), '.')
              + "|"
              + n.unit()
              + "|"
              + n.ref().replace(" ", "")
              + "|"
              + r.pick("N", "H", "L", "N")
              + "|||F|||"
              + ts(r, d)
              + end);
    }
    List<Qual> quals = new ArrayList<>(GateVocab.QUALS);
    int nq = r.between(1, 3);
    for (int i = 0; i < nq; i++) {
      Qual q = quals.remove(r.below(quals.size()));
      boolean pos = GateBits.positive(r);
      boolean en = r.chance(0.4);
      g.join(
              "|",
              "OBX",
              Integer.toString(set++),
              r.pick("ST", "CE", "CWE"),
              q.loinc() + "^" + (en ? q.tableEn() : q.tableId()) + "^LN",
              "",
              val(TEST_RESULT, GateBits.outcome(r, q, pos, en)),
              "",
              GateValues.up(en ? q.negEn() : q.negId()),
              pos ? "A" : "N",
              "",
              "",
              "F",
              "",
              "",
              ts(r, d))
          .t(end);
    }
    if (r.chance(0.4)) {
      g.t("NTE|1|L|" + GateBits.generalId(r) + end);
    }
    if (r.chance(0.3)) {
      g.t(
          "NTE|2|L|Alat "
              + r.pick(GateVocab.ANALYSERS)
              + " "
              + GateValues.serial(r)
              + ", kontak lab "
              + f.phone()
              + end);
    }
  }

  /** ADT^A08 update with insurance (IN1) carrying the JKN card and the insured's data. */
  static void adtA08(GateRng r, GateText g) {
    LocalDate d = GateValues.day(r);
    Facility f = r.pick(GateVocab.HOSPITALS);
    GatePerson p = GatePeople.indonesian(r, d, 0, 90);
    String end = r.chance(0.5) ? "\r" : "\n";
    msh(r, g, f, r.pick("ADT^A08^ADT_A01", "ADT^A04^ADT_A01"), d, end);
    g.t("EVN|A08|" + ts(r, d) + end);
    seg(g, pid(r, p, f, d, r.chance(0.5)), end);
    g.join(
            "|",
            "PV1",
            "1",
            r.pick("O", "E", "I"),
            r.pick("POLI-INT", "IGD", "POLI-ANA") + "^^^" + f.code(),
            "",
            "",
            "",
            xcn(r, GatePeople.doctor(r, d, true)))
        .t(end);
    List<Object> in1 = new ArrayList<>();
    in1.add("IN1");
    in1.add("1");
    in1.add("JKN^JKN-KIS");
    in1.add("BPJS^BPJS Kesehatan");
    in1.add("BPJS Kesehatan");
    in1.add("Jl. Letjen Suprapto Kav. 20 No. 14^^Jakarta Pusat^DKI Jakarta^10510^IDN");
    in1.add("");
    in1.add("1500400");
    for (int i = 9; i <= 15; i++) {
      in1.add(i == 15 ? r.pick("PBI", "PPU", "PBPU", "BP") : "");
    }
    in1.add(val(NAME, p.hl7()));
    in1.add(r.pick("SEL^Self", "SPO^Spouse", "CHD^Child"));
    in1.add(val(BIRTH_DATE, GateValues.compact(p.birth)));
    in1.add(r.chance(0.5) ? xad(r, p) : "");
    for (int i = 20; i <= 35; i++) {
      in1.add(i == 22 ? "1" : "");
    }
    in1.add(val(BPJS, p.bpjs));
    seg(g, in1, end);
    int n = r.between(1, 3);
    Diagnosis dx = r.pick(GateVocab.DIAGNOSES);
    for (int i = 1; i <= n; i++) {
      g.join(
              "|",
              "DG1",
              Integer.toString(i),
              "I10",
              new Object[] {
                val(DIAGNOSIS, dx.code()), "^" + (r.chance(0.5) ? dx.en() : dx.id()) + "^I10"
              },
              "",
              ts(r, d),
              i == 1 ? "F" : "W")
          .t(end);
      dx = GateBits.other(r, dx);
    }
  }
}
