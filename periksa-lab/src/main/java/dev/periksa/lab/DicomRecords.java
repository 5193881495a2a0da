package dev.periksa.lab;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The lab's synthetic travellers as DICOM studies: a chest CT ordered during their COVID screening,
 * with the patient module filled as an Indonesian hospital's PACS would (name in DICOM person-name
 * form, NIK or passport number as patient ID). Study {@code i} is always the same.
 */
final class DicomRecords {
  private DicomRecords() {}

  /** DICOM attributes by keyword, for Orthanc's {@code /tools/create-dicom}. */
  static Map<String, String> studyTags(int i) {
    Map<String, Object> t = EhacData.traveller(i);
    String name = t.get("nama").toString();
    int space = name.lastIndexOf(' ');
    boolean nik = t.get("nik") != null;
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put(
        "PatientName",
        (name.substring(space + 1) + "^" + name.substring(0, space))
            .toUpperCase(java.util.Locale.ROOT));
    tags.put("PatientID", (nik ? t.get("nik") : t.get("no_paspor")).toString());
    tags.put("IssuerOfPatientID", nik ? "NIK" : "PASPOR");
    tags.put("PatientBirthDate", t.get("tgl_lahir").toString().replace("-", ""));
    tags.put("PatientSex", "P".equals(t.get("jenis_kelamin")) ? "F" : "M");
    tags.put("PatientTelephoneNumbers", t.get("no_hp").toString());
    tags.put("StudyDate", t.get("tgl_tes").toString().replace("-", ""));
    tags.put("StudyDescription", "CT THORAX - SKRINING COVID-19");
    tags.put("AccessionNumber", String.format("ACC%07d", i + 1));
    tags.put("StudyID", String.valueOf(i + 1));
    tags.put("Modality", "CT");
    tags.put("SeriesDescription", "THORAX 1.25 mm");
    tags.put("InstitutionName", t.get("rs_nama").toString());
    return tags;
  }
}
