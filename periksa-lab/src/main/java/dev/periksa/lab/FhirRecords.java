package dev.periksa.lab;

import java.util.Map;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;

/**
 * The lab's synthetic travellers as FHIR R4 resources, in the shape Indonesia's national FHIR
 * platform (SATUSEHAT) uses: a Patient identified by NIK (or passport) and a laboratory Observation
 * of a SARS-CoV-2 test with its result. Traveller {@code i} is always the same resources.
 */
final class FhirRecords {
  /** Identifier systems of the Indonesian health ministry's FHIR profiles. */
  static final String NIK_SYSTEM = "https://fhir.kemkes.go.id/id/nik";

  static final String PASSPORT_SYSTEM = "https://fhir.kemkes.go.id/id/paspor";
  static final String EHAC_SYSTEM = "https://ehac.kemkes.go.id/id/ehac";

  private static final String LOINC = "http://loinc.org";
  private static final String SNOMED = "http://snomed.info/sct";
  private static final String INTERPRETATION =
      "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
  private static final String CATEGORY =
      "http://terminology.hl7.org/CodeSystem/observation-category";

  private FhirRecords() {}

  static String patientId(int i) {
    return String.valueOf(i + 1);
  }

  static Patient patient(int i) {
    Map<String, Object> t = EhacData.traveller(i);
    Patient p = new Patient();
    p.setId(patientId(i));
    if (t.get("nik") != null) {
      p.addIdentifier(
          new Identifier()
              .setUse(Identifier.IdentifierUse.OFFICIAL)
              .setSystem(NIK_SYSTEM)
              .setValue(t.get("nik").toString()));
    }
    if (t.get("no_paspor") != null) {
      p.addIdentifier(
          new Identifier().setSystem(PASSPORT_SYSTEM).setValue(t.get("no_paspor").toString()));
    }
    p.addIdentifier(new Identifier().setSystem(EHAC_SYSTEM).setValue(t.get("id_ehac").toString()));
    String name = t.get("nama").toString();
    int space = name.lastIndexOf(' ');
    p.addName(
        new HumanName()
            .setUse(HumanName.NameUse.OFFICIAL)
            .setText(name)
            .setFamily(name.substring(space + 1))
            .addGiven(name.substring(0, space)));
    p.addTelecom(
        new ContactPoint()
            .setSystem(ContactPoint.ContactPointSystem.PHONE)
            .setUse(ContactPoint.ContactPointUse.MOBILE)
            .setValue(t.get("no_hp").toString()));
    p.setGender(
        "P".equals(t.get("jenis_kelamin"))
            ? AdministrativeGender.FEMALE
            : AdministrativeGender.MALE);
    p.setBirthDateElement(new org.hl7.fhir.r4.model.DateType(t.get("tgl_lahir").toString()));
    String address = t.get("alamat").toString();
    int comma = address.lastIndexOf(", ");
    p.addAddress(
        new Address()
            .setUse(Address.AddressUse.HOME)
            .addLine(address.substring(0, comma))
            .setCity(address.substring(comma + 2))
            .setCountry("ID"));
    return p;
  }

  /** The traveller's SARS-CoV-2 test (RT-PCR or rapid antigen) with its result. */
  static Observation covidTest(int i) {
    Map<String, Object> t = EhacData.traveller(i);
    boolean pcr = "RT-PCR".equals(t.get("jenis_tes"));
    boolean positive = "POSITIF".equals(t.get("hasil_tes"));
    Observation o = new Observation();
    o.setId("covid-" + patientId(i));
    o.setStatus(Observation.ObservationStatus.FINAL);
    o.addCategory(new CodeableConcept(new Coding(CATEGORY, "laboratory", "Laboratory")));
    o.setCode(
        pcr
            ? new CodeableConcept(
                    new Coding(
                        LOINC,
                        "94309-2",
                        "SARS-CoV-2 (COVID-19) RNA [Presence] in Specimen by NAA with probe"
                            + " detection"))
                .setText("RT-PCR SARS-CoV-2")
            : new CodeableConcept(
                    new Coding(
                        LOINC,
                        "94558-4",
                        "SARS-CoV-2 (COVID-19) Ag [Presence] in Respiratory specimen by Rapid"
                            + " immunoassay"))
                .setText("Rapid Antigen SARS-CoV-2"));
    o.setSubject(new Reference("Patient/" + patientId(i)));
    o.setEffective(new DateTimeType(t.get("tgl_tes").toString()));
    o.addPerformer(new Reference().setDisplay(t.get("rs_nama").toString()));
    o.setValue(
        new CodeableConcept(
                positive
                    ? new Coding(SNOMED, "260373001", "Detected")
                    : new Coding(SNOMED, "260415000", "Not detected"))
            .setText(t.get("hasil_tes").toString()));
    o.addInterpretation(
        new CodeableConcept(
                positive
                    ? new Coding(INTERPRETATION, "POS", "Positive")
                    : new Coding(INTERPRETATION, "NEG", "Negative"))
            .setText(t.get("hasil_tes").toString()));
    return o;
  }
}
