package dev.periksa.product;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * DICOMweb archives: QIDO-RS results as DICOM JSON datasets (PS3.18 F.2), the attributes that show
 * a study and its patient, and the one refusal that names its product (Orthanc's challenge).
 */
public final class DicomWebReplies {
  private DicomWebReplies() {}

  /** The tags read: StudyInstanceUID, PatientName, PatientID, ModalitiesInStudy. */
  public static final String STUDY_INSTANCE_UID = "0020000D";

  public static final String PATIENT_NAME = "00100010";
  public static final String PATIENT_ID = "00100020";
  public static final String MODALITIES_IN_STUDY = "00080061";

  private static final Pattern TAG = Pattern.compile("[0-9A-Fa-f]{8}");
  private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)+");

  /**
   * A 2xx reply as DICOM JSON datasets: an array of non-empty objects keyed by 8-hex-digit tags
   * whose values are objects with a {@code vr}; empty when the reply is not that.
   */
  public static Optional<List<Json>> datasets(HttpReply r) {
    return r.rows(d -> dataset(d) ? Optional.of(d) : Optional.empty());
  }

  private static boolean dataset(Json d) {
    if (!d.isObject() || d.size() == 0) {
      return false;
    }
    for (Map.Entry<String, Json> f : d.fields().entrySet()) {
      if (!TAG.matcher(f.getKey()).matches() || !f.getValue().path("vr").isText()) {
        return false;
      }
    }
    return true;
  }

  /** Whether a dataset names a well-formed StudyInstanceUID (digits and dots). */
  public static boolean studyInstanceUid(Json dataset) {
    return UID.matcher(firstValue(dataset, STUDY_INSTANCE_UID)).matches();
  }

  /** Which patient attributes (PatientName, PatientID) a dataset carries. */
  public static List<String> patientTags(Json dataset) {
    return List.of(PATIENT_NAME, PATIENT_ID).stream()
        .filter(t -> !attribute(dataset, t).isMissing())
        .toList();
  }

  /** The text values of an attribute. */
  public static List<String> values(Json dataset, String tag) {
    List<String> out = new ArrayList<>();
    for (Json v : attribute(dataset, tag).path("Value").elements()) {
      if (v.isText()) {
        out.add(v.asText(""));
      }
    }
    return out;
  }

  /** Whether the reply is typed {@code application/dicom+json}. */
  public static boolean dicomJson(HttpReply r) {
    return r.header("content-type")
        .map(c -> c.toLowerCase(Locale.ROOT).startsWith("application/dicom+json"))
        .orElse(false);
  }

  /** Orthanc's refusal: 401 or 403 with a challenge naming Orthanc's realm. */
  public static boolean orthancChallenge(HttpReply r) {
    return r.isRefusal()
        && r.header("www-authenticate")
            .map(h -> h.toLowerCase(Locale.ROOT).contains("orthanc"))
            .orElse(false);
  }

  /**
   * What discovery knows a study query by: datasets (an empty result only when typed DICOM JSON, or
   * a 204 so typed), or Orthanc's challenge. Other archives behind authentication say nothing of
   * themselves in a bare 401, and are not recognised.
   */
  public static boolean identifies(HttpReply studies) {
    if (studies.isRefusal()) {
      return orthancChallenge(studies);
    }
    if (studies.status() == 204) {
      return dicomJson(studies);
    }
    return datasets(studies).map(ds -> !ds.isEmpty() || dicomJson(studies)).orElse(false);
  }

  private static String firstValue(Json dataset, String tag) {
    Json v = attribute(dataset, tag).path("Value").path(0);
    return v.isText() ? v.asText("") : "";
  }

  /** Tags are hex; writers differ in case (PS3.18 asks for upper case). */
  private static Json attribute(Json dataset, String tag) {
    Json a = dataset.path(tag);
    return a.isMissing() ? dataset.path(tag.toLowerCase(Locale.ROOT)) : a;
  }
}
