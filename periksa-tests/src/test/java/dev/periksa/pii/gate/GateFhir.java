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

import dev.periksa.pii.PiiType;
import dev.periksa.pii.gate.GatePeople.Staff;
import dev.periksa.pii.gate.GateVocab.Diagnosis;
import dev.periksa.pii.gate.GateVocab.Facility;
import dev.periksa.pii.gate.GateVocab.Num;
import dev.periksa.pii.gate.GateVocab.Qual;
import java.time.LocalDate;

/** Formats {@code fhir-json} and {@code fhir-xml}: Patient, Observation, Condition, Bundle. */
final class GateFhir {
  private GateFhir() {}

  static final String SYS_NIK = "https://fhir.kemkes.go.id/id/nik";
  static final String SYS_PASPOR = "https://fhir.kemkes.go.id/id/paspor";
  static final String SYS_KK = "https://fhir.kemkes.go.id/id/kk";
  static final String SYS_BPJS = "https://fhir.kemkes.go.id/id/bpjs";
  static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";
  static final String LOINC = "http://loinc.org";
  static final String SCT = "http://snomed.info/sct";

  private static String mrnSystem(String org) {
    return "http://sys-ids.kemkes.go.id/mrn/" + org;
  }

  private static String dt(GateRng r, LocalDate d) {
    return GateValues.iso(d) + "T" + GateValues.hms(r) + "+07:00";
  }

  /** SNOMED code and display for a qualitative outcome. */
  private static String[] snomed(Qual q, boolean pos) {
    if (q.posEn().equals("detected")) {
      return pos
          ? new String[] {"260373001", "Detected"}
          : new String[] {"260415000", "Not detected"};
    }
    if (q.posEn().equals("reactive")) {
      return pos
          ? new String[] {"11214006", "Reactive"}
          : new String[] {"131194007", "Non-reactive"};
    }
    return pos ? new String[] {"10828004", "Positive"} : new String[] {"260385009", "Negative"};
  }

  /** A display "dr. Name, Sp.X" as parts with only the name labelled. */
  private static Object[] staffParts(Staff s) {
    return new Object[] {s.prefix(), val(NAME, s.name()), s.suffix()};
  }

  // ---------------------------------------------------------------- JSON

  private static void patientBody(
      GateRng r, GateJson j, GatePerson p, Facility f, LocalDate d, String org, boolean en) {
    j.arr("identifier");
    if (p.foreign()) {
      j.open(null)
          .s("use", "official")
          .s("system", SYS_PASPOR)
          .s("value", PASSPORT, GateValues.passport(r, p.country.code()))
          .close();
    } else {
      j.open(null).s("use", "official").s("system", SYS_NIK).s("value", NIK, p.nik).close();
      if (r.chance(0.3)) {
        j.open(null)
            .s("use", "secondary")
            .s("system", SYS_KK)
            .s("value", GateValues.kk(p.place, p.district, d.minusYears(r.between(1, 15)), r))
            .close();
      }
      if (r.chance(0.4)) {
        j.open(null).s("use", "secondary").s("system", SYS_BPJS).s("value", BPJS, p.bpjs).close();
      }
    }
    j.open(null)
        .s("use", "usual")
        .s("system", mrnSystem(org))
        .s("value", MEDICAL_RECORD_NUMBER, GateValues.mrn(r, f.mrnStyle(), d))
        .close();
    j.end();
    j.raw("active", "true");
    j.arr("name").open(null).s("use", "official");
    if (r.chance(0.5) || p.family.isEmpty()) {
      j.s("text", NAME, p.full());
    } else {
      j.s("family", NAME, p.family).arr("given").s(null, NAME, p.given).end();
    }
    j.close().end();
    j.arr("telecom");
    j.open(null)
        .s("system", "phone")
        .s(
            "value",
            PHONE,
            p.foreign()
                ? GateValues.foreignPhone(r, p.country.code())
                : r.chance(0.6) ? "+62" + p.mobile : GateValues.phone(r, p.mobile))
        .s("use", "mobile")
        .close();
    if (r.chance(0.5)) {
      j.open(null).s("system", "email").s("value", EMAIL, p.email).s("use", "home").close();
    }
    j.end();
    j.s("gender", p.female ? "female" : "male");
    j.s("birthDate", BIRTH_DATE, GateValues.iso(p.birth));
    j.raw("deceasedBoolean", "false");
    if (r.chance(0.8)) {
      j.arr("address").open(null).s("use", "home");
      j.arr("line").s(null, ADDRESS, GatePeople.addressRun(r, p, en ? 0.2 : 0.3)).end();
      j.s("city", p.place.town()).s("postalCode", p.postcode).s("country", "ID");
      if (!en && r.chance(0.7)) {
        String dist = p.place.prov() + p.place.reg() + GateValues.pad(p.district, 2);
        j.arr("extension")
            .open(null)
            .s("url", "https://fhir.kemkes.go.id/r4/StructureDefinition/administrativeCode");
        j.arr("extension");
        j.open(null).s("url", "province").s("valueCode", p.place.prov()).close();
        j.open(null).s("url", "city").s("valueCode", p.place.prov() + p.place.reg()).close();
        j.open(null).s("url", "district").s("valueCode", dist).close();
        j.open(null).s("url", "village").s("valueCode", dist + "100" + r.between(1, 9)).close();
        j.open(null).s("url", "rt").s("valueCode", p.rt).close();
        j.open(null).s("url", "rw").s("valueCode", p.rw).close();
        j.end().close().end();
      }
      j.close().end();
    }
    j.open("maritalStatus")
        .arr("coding")
        .coding("http://terminology.hl7.org/CodeSystem/v3-MaritalStatus", "M", "Married")
        .end()
        .s("text", en ? "Married" : "Kawin")
        .close();
    if (r.chance(0.5)) {
      GatePerson k = GatePeople.indonesian(r, d, 20, 75);
      j.arr("contact").open(null);
      j.arr("relationship")
          .open(null)
          .arr("coding")
          .coding("http://terminology.hl7.org/CodeSystem/v2-0131", "C", "Emergency Contact")
          .end()
          .close()
          .end();
      j.open("name").s("use", "official").s("text", NAME, k.full()).close();
      j.arr("telecom")
          .open(null)
          .s("system", "phone")
          .s("value", PHONE, GateValues.phone(r, k.mobile))
          .s("use", "mobile")
          .close()
          .end();
      j.close().end();
    }
    j.arr("communication")
        .open(null)
        .open("language")
        .arr("coding")
        .coding("urn:ietf:bcp:47", en ? "en-US" : "id-ID", en ? "English" : "Indonesian")
        .end()
        .close()
        .raw("preferred", "true")
        .close()
        .end();
    j.open("managingOrganization").s("reference", "Organization/" + org).close();
  }

  private static void observationBody(
      GateRng r, GateJson j, String patientRef, GatePerson p, LocalDate d, boolean en, Staff pk) {
    j.s("status", "final");
    j.arr("category")
        .open(null)
        .arr("coding")
        .coding(
            "http://terminology.hl7.org/CodeSystem/observation-category",
            "laboratory",
            "Laboratory")
        .end()
        .close()
        .end();
    boolean qual = r.chance(0.75);
    Qual q = r.pick(GateVocab.QUALS);
    Num n = r.pick(GateVocab.NUMS);
    j.open("code")
        .arr("coding")
        .coding(LOINC, qual ? q.loinc() : n.loinc(), qual ? q.tableEn() : n.en())
        .end();
    j.s("text", qual ? (en ? q.tableEn() : q.tableId()) : (en ? n.en() : n.id())).close();
    j.open("subject").s("reference", patientRef).s("display", NAME, p.full()).close();
    j.open("encounter").s("reference", "Encounter/" + GateValues.uuid(r)).close();
    j.s("effectiveDateTime", dt(r, d)).s("issued", dt(r, d));
    j.arr("performer")
        .open(null)
        .s("reference", "Practitioner/N" + r.digits(8))
        .parts("display", staffParts(pk))
        .close()
        .end();
    if (qual) {
      boolean pos = GateBits.positive(r);
      String[] sct = snomed(q, pos);
      j.open("valueCodeableConcept")
          .arr("coding")
          .open(null)
          .s("system", SCT)
          .s("code", sct[0])
          .s("display", TEST_RESULT, sct[1])
          .close()
          .end();
      if (r.chance(0.6)) {
        j.s("text", TEST_RESULT, GateBits.outcome(r, q, pos, en));
      }
      j.close();
      j.arr("referenceRange").open(null).s("text", GateBits.reference(r, q, en)).close().end();
    } else {
      int v = r.between(n.lo10(), n.hi10());
      j.open("valueQuantity")
          .raw("value", GateValues.measure(v, n.decimals(), '.'))
          .s("unit", n.unit())
          .s("system", "http://unitsofmeasure.org")
          .close();
      j.arr("referenceRange").open(null).s("text", n.ref() + " " + n.unit()).close().end();
    }
    if (r.chance(0.3)) {
      j.arr("note")
          .open(null)
          .s("text", en ? GateBits.generalEn(r) : GateBits.generalId(r))
          .close()
          .end();
    }
  }

  private static void conditionBody(
      GateRng r,
      GateJson j,
      String patientRef,
      GatePerson p,
      LocalDate d,
      boolean en,
      Diagnosis dx,
      Staff doc) {
    j.open("clinicalStatus")
        .arr("coding")
        .coding("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", "Active")
        .end()
        .close();
    j.arr("category")
        .open(null)
        .arr("coding")
        .coding(
            "http://terminology.hl7.org/CodeSystem/condition-category",
            "encounter-diagnosis",
            "Encounter Diagnosis")
        .end()
        .close()
        .end();
    j.open("code")
        .arr("coding")
        .open(null)
        .s("system", ICD10)
        .s("code", DIAGNOSIS, dx.code())
        .s("display", dx.en())
        .close()
        .end();
    if (!en && r.chance(0.5)) {
      j.s("text", dx.id());
    }
    j.close();
    j.open("subject").s("reference", patientRef).s("display", NAME, p.full()).close();
    String hari = GateValues.HARI[d.getDayOfWeek().getValue() - 1];
    j.open("encounter").s("reference", "Encounter/" + GateValues.uuid(r));
    if (r.chance(0.6)) {
      j.parts(
          "display",
          en ? "Visit of " : "Kunjungan ",
          val(NAME, p.full()),
          en ? " on " + GateValues.longEn(d) : " di hari " + hari + ", " + GateValues.longId(d));
    }
    j.close();
    j.s("onsetDateTime", dt(r, d.minusDays(r.between(1, 7)))).s("recordedDate", dt(r, d));
    j.open("recorder")
        .s("reference", "Practitioner/N" + r.digits(8))
        .parts("display", staffParts(doc))
        .close();
  }

  /** A Patient resource (Indonesian). */
  static void patientJson(GateRng r, GateText g) {
    LocalDate d = GateValues.day(r);
    Facility f = r.pick(GateVocab.HOSPITALS);
    GatePerson p = GatePeople.indonesian(r, d, 0, 90);
    GateJson j = new GateJson(g, r.chance(0.8));
    j.open(null).s("resourceType", "Patient").s("id", GateValues.uuid(r));
    j.open("meta")
        .s("lastUpdated", dt(r, d))
        .arr("profile")
        .s(null, "https://fhir.kemkes.go.id/r4/StructureDefinition/Patient")
        .end()
        .close();
    patientBody(r, j, p, f, d, "1000" + r.digits(5), false);
    j.close();
  }

  /** An Observation resource. */
  static void observationJson(GateRng r, GateText g) {
    LocalDate d = GateValues.day(r);
    GatePerson p = GatePeople.indonesian(r, d, 0, 90);
    GateJson j = new GateJson(g, r.chance(0.8));
    j.open(null).s("resourceType", "Observation").s("id", GateValues.uuid(r));
    if (r.chance(0.4)) {
      j.arr("identifier")
          .open(null)
          .s("system", "http://sys-ids.kemkes.go.id/observation/1000" + r.digits(5))
          .s("value", GateValues.labNo(r, d))
          .close()
          .end();
    }
    observationBody(
        r, j, "Patient/" + GateValues.uuid(r), p, d, false, GatePeople.pathologist(r, d));
    j.close();
  }

  /** A Condition resource. */
  static void conditionJson(GateRng r, GateText g) {
    LocalDate d = GateValues.day(r);
    GatePerson p = GatePeople.indonesian(r, d, 0, 90);
    GateJson j = new GateJson(g, r.chance(0.8));
    j.open(null).s("resourceType", "Condition").s("id", GateValues.uuid(r));
    conditionBody(
        r,
        j,
        "Patient/" + GateValues.uuid(r),
        p,
        d,
        false,
        r.pick(GateVocab.DIAGNOSES),
        GatePeople.doctor(r, d, r.chance(0.5)));
    j.close();
  }

  /**
   * A transaction Bundle in English: Patient (often foreign), Encounter, Condition, Observation.
   */
  static void bundleJson(GateRng r, GateText g) {
    LocalDate d = GateValues.day(r);
    Facility f = r.pick(GateVocab.HOSPITALS);
    GatePerson p =
        r.chance(0.6) ? GatePeople.foreigner(r, d, 18, 85) : GatePeople.indonesian(r, d, 0, 90);
    String org = "1000" + r.digits(5);
    String pid = GateValues.uuid(r);
    Staff doc = GatePeople.doctor(r, d, true);
    GateJson j = new GateJson(g, r.chance(0.7));
    j.open(null).s("resourceType", "Bundle").s("type", "transaction").s("timestamp", dt(r, d));
    j.arr("entry");
    j.open(null).s("fullUrl", "urn:uuid:" + pid).open("resource").s("resourceType", "Patient");
    patientBody(r, j, p, f, d, org, true);
    j.close().open("request").s("method", "POST").s("url", "Patient").close().close();
    String enc = GateValues.uuid(r);
    j.open(null)
        .s("fullUrl", "urn:uuid:" + enc)
        .open("resource")
        .s("resourceType", "Encounter")
        .s("status", "finished");
    j.open("class")
        .s("system", "http://terminology.hl7.org/CodeSystem/v3-ActCode")
        .s("code", r.pick("AMB", "EMER", "IMP"))
        .close();
    j.open("subject").s("reference", "urn:uuid:" + pid).s("display", NAME, p.full()).close();
    j.arr("participant")
        .open(null)
        .open("individual")
        .s("reference", "Practitioner/N" + r.digits(8))
        .parts("display", staffParts(doc))
        .close()
        .close()
        .end();
    int startHour = r.between(7, 12);
    String startTime =
        GateValues.pad(startHour, 2) + ":" + GateValues.pad(r.below(60), 2) + ":00+07:00";
    String endTime =
        GateValues.pad(startHour + r.between(1, 8), 2)
            + ":"
            + GateValues.pad(r.below(60), 2)
            + ":00+07:00";
    j.open("period")
        .s("start", GateValues.iso(d) + "T" + startTime)
        .s("end", GateValues.iso(d) + "T" + endTime)
        .close();
    j.open("serviceProvider").s("reference", "Organization/" + org).s("display", f.name()).close();
    j.close().open("request").s("method", "POST").s("url", "Encounter").close().close();
    j.open(null)
        .s("fullUrl", "urn:uuid:" + GateValues.uuid(r))
        .open("resource")
        .s("resourceType", "Condition");
    conditionBody(r, j, "urn:uuid:" + pid, p, d, true, r.pick(GateVocab.DIAGNOSES), doc);
    j.close().open("request").s("method", "POST").s("url", "Condition").close().close();
    if (r.chance(0.8)) {
      j.open(null)
          .s("fullUrl", "urn:uuid:" + GateValues.uuid(r))
          .open("resource")
          .s("resourceType", "Observation");
      observationBody(r, j, "urn:uuid:" + pid, p, d, true, GatePeople.pathologist(r, d));
      j.close().open("request").s("method", "POST").s("url", "Observation").close().close();
    }
    j.end().close();
  }

  // ---------------------------------------------------------------- XML

  private static void xv(GateText g, String ind, String tag, PiiType type, String value) {
    g.t(ind + "<" + tag + " value=\"").maybe(type, value).line("\"/>");
  }

  private static void xparts(GateText g, String ind, String tag, Object... parts) {
    g.t(ind + "<" + tag + " value=\"").put(parts).line("\"/>");
  }

  private static void xcoding(
      GateText g, String ind, String system, String code, PiiType displayType, String display) {
    g.line(ind + "<coding>");
    xv(g, ind + "  ", "system", null, system);
    xv(g, ind + "  ", "code", null, code);
    xv(g, ind + "  ", "display", displayType, display);
    g.line(ind + "</coding>");
  }

  private static void patientXml(
      GateRng r, GateText g, String ind, GatePerson p, Facility f, LocalDate d, boolean en) {
    g.line(ind + "<Patient xmlns=\"http://hl7.org/fhir\">");
    String i = ind + "  ";
    xv(g, i, "id", null, GateValues.uuid(r));
    g.line(i + "<identifier>");
    if (p.foreign()) {
      xv(g, i + "  ", "system", null, SYS_PASPOR);
      xv(g, i + "  ", "value", PASSPORT, GateValues.passport(r, p.country.code()));
    } else {
      xv(g, i + "  ", "use", null, "official");
      xv(g, i + "  ", "system", null, SYS_NIK);
      xv(g, i + "  ", "value", NIK, p.nik);
    }
    g.line(i + "</identifier>");
    g.line(i + "<identifier>");
    xv(g, i + "  ", "system", null, mrnSystem("1000" + r.digits(5)));
    xv(g, i + "  ", "value", MEDICAL_RECORD_NUMBER, GateValues.mrn(r, f.mrnStyle(), d));
    g.line(i + "</identifier>");
    if (!p.foreign() && r.chance(0.4)) {
      g.line(i + "<identifier>");
      xv(g, i + "  ", "system", null, SYS_BPJS);
      xv(g, i + "  ", "value", BPJS, p.bpjs);
      g.line(i + "</identifier>");
    }
    xv(g, i, "active", null, "true");
    g.line(i + "<name>");
    xv(g, i + "  ", "use", null, "official");
    if (p.family.isEmpty() || r.chance(0.4)) {
      xv(g, i + "  ", "text", NAME, p.full());
    } else {
      xv(g, i + "  ", "family", NAME, p.family);
      xv(g, i + "  ", "given", NAME, p.given);
    }
    g.line(i + "</name>");
    g.line(i + "<telecom>");
    xv(g, i + "  ", "system", null, "phone");
    xv(g, i + "  ", "value", PHONE, GatePeople.phoneOf(r, p));
    xv(g, i + "  ", "use", null, "mobile");
    g.line(i + "</telecom>");
    if (r.chance(0.4)) {
      g.line(i + "<telecom>");
      xv(g, i + "  ", "system", null, "email");
      xv(g, i + "  ", "value", EMAIL, p.email);
      g.line(i + "</telecom>");
    }
    xv(g, i, "gender", null, p.female ? "female" : "male");
    xv(g, i, "birthDate", BIRTH_DATE, GateValues.iso(p.birth));
    if (r.chance(0.75)) {
      g.line(i + "<address>");
      xv(g, i + "  ", "use", null, "home");
      xv(g, i + "  ", "line", ADDRESS, GatePeople.addressRun(r, p, 0.4));
      xv(g, i + "  ", "city", null, p.place.town());
      xv(g, i + "  ", "postalCode", null, p.postcode);
      xv(g, i + "  ", "country", null, "ID");
      g.line(i + "</address>");
    }
    g.line(i + "<communication>");
    g.line(i + "  <language>");
    xcoding(
        g, i + "    ", "urn:ietf:bcp:47", en ? "en" : "id", null, en ? "English" : "Indonesian");
    g.line(i + "  </language>");
    g.line(i + "</communication>");
    g.line(ind + "</Patient>");
  }

  private static void observationXml(
      GateRng r, GateText g, String ind, GatePerson p, LocalDate d, boolean en) {
    Qual q = r.pick(GateVocab.QUALS);
    boolean pos = GateBits.positive(r);
    Staff pk = GatePeople.pathologist(r, d);
    String i = ind + "  ";
    g.line(ind + "<Observation xmlns=\"http://hl7.org/fhir\">");
    xv(g, i, "id", null, GateValues.uuid(r));
    xv(g, i, "status", null, "final");
    g.line(i + "<code>");
    xcoding(g, i + "  ", LOINC, q.loinc(), null, q.tableEn());
    xv(g, i + "  ", "text", null, en ? q.tableEn() : q.tableId());
    g.line(i + "</code>");
    g.line(i + "<subject>");
    xv(g, i + "  ", "reference", null, "Patient/" + GateValues.uuid(r));
    xv(g, i + "  ", "display", NAME, p.full());
    g.line(i + "</subject>");
    xv(g, i, "effectiveDateTime", null, dt(r, d));
    g.line(i + "<performer>");
    xparts(g, i + "  ", "display", staffParts(pk));
    g.line(i + "</performer>");
    g.line(i + "<valueCodeableConcept>");
    String[] sct = snomed(q, pos);
    xcoding(g, i + "  ", SCT, sct[0], TEST_RESULT, sct[1]);
    if (r.chance(0.5)) {
      xv(g, i + "  ", "text", TEST_RESULT, GateBits.outcome(r, q, pos, en));
    }
    g.line(i + "</valueCodeableConcept>");
    g.line(i + "<referenceRange>");
    xv(g, i + "  ", "text", null, GateBits.reference(r, q, en));
    g.line(i + "</referenceRange>");
    g.line(ind + "</Observation>");
  }

  private static void conditionXml(
      GateRng r, GateText g, String ind, GatePerson p, LocalDate d, boolean en) {
    Diagnosis dx = r.pick(GateVocab.DIAGNOSES);
    String i = ind + "  ";
    g.line(ind + "<Condition xmlns=\"http://hl7.org/fhir\">");
    xv(g, i, "id", null, GateValues.uuid(r));
    g.line(i + "<clinicalStatus>");
    xcoding(
        g,
        i + "  ",
        "http://terminology.hl7.org/CodeSystem/condition-clinical",
        "active",
        null,
        "Active");
    g.line(i + "</clinicalStatus>");
    g.line(i + "<code>");
    g.line(i + "  <coding>");
    xv(g, i + "    ", "system", null, ICD10);
    xv(g, i + "    ", "code", DIAGNOSIS, dx.code());
    xv(g, i + "    ", "display", null, en ? dx.en() : dx.id());
    g.line(i + "  </coding>");
    g.line(i + "</code>");
    g.line(i + "<subject>");
    xv(g, i + "  ", "reference", null, "Patient/" + GateValues.uuid(r));
    xv(g, i + "  ", "display", NAME, p.full());
    g.line(i + "</subject>");
    xv(g, i, "recordedDate", null, dt(r, d));
    g.line(ind + "</Condition>");
  }

  /** A Patient resource in XML (Indonesian). */
  static void patientXml(GateRng r, GateText g) {
    LocalDate d = GateValues.day(r);
    g.line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    patientXml(r, g, "", GatePeople.indonesian(r, d, 0, 90), r.pick(GateVocab.HOSPITALS), d, false);
  }

  /** A searchset Bundle in XML with Observation and Condition entries. */
  static void bundleXml(GateRng r, GateText g) {
    LocalDate d = GateValues.day(r);
    GatePerson p = GatePeople.indonesian(r, d, 0, 90);
    g.line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    g.line("<Bundle xmlns=\"http://hl7.org/fhir\">");
    xv(g, "  ", "id", null, GateValues.uuid(r));
    xv(g, "  ", "type", null, "searchset");
    int n = r.between(1, 3);
    xv(g, "  ", "total", null, Integer.toString(n + 1));
    for (int k = 0; k < n; k++) {
      g.line("  <entry>");
      g.line("    <resource>");
      observationXml(r, g, "      ", p, d, false);
      g.line("    </resource>");
      g.line("  </entry>");
    }
    g.line("  <entry>");
    g.line("    <resource>");
    conditionXml(r, g, "      ", p, d, false);
    g.line("    </resource>");
    g.line("  </entry>");
    g.line("</Bundle>");
  }

  /** English: a foreign (or Indonesian) patient and a result, in XML. */
  static void foreignXml(GateRng r, GateText g) {
    LocalDate d = GateValues.day(r);
    GatePerson p =
        r.chance(0.7) ? GatePeople.foreigner(r, d, 18, 85) : GatePeople.indonesian(r, d, 18, 85);
    g.line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    g.line("<Bundle xmlns=\"http://hl7.org/fhir\">");
    xv(g, "  ", "type", null, "collection");
    g.line("  <entry>");
    g.line("    <resource>");
    patientXml(r, g, "      ", p, r.pick(GateVocab.HOSPITALS), d, true);
    g.line("    </resource>");
    g.line("  </entry>");
    g.line("  <entry>");
    g.line("    <resource>");
    if (r.chance(0.5)) {
      observationXml(r, g, "      ", p, d, true);
    } else {
      conditionXml(r, g, "      ", p, d, true);
    }
    g.line("    </resource>");
    g.line("  </entry>");
    g.line("</Bundle>");
  }
}
