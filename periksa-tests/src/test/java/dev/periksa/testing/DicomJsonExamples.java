package dev.periksa.testing;

/** DICOM JSON replies for parser tests and look-alikes. */
public final class DicomJsonExamples {
  private DicomJsonExamples() {}

  /**
   * A QIDO-RS study result modelled on the example of the DICOM JSON Model in DICOM PS3.18 Annex F
   * (study attributes, a private block with inline binary, a person name with an ideographic group
   * and an Other Patient IDs sequence). Its values are the standard's invented ones.
   */
  public static final String PS3_18_STUDY =
      """
      [
        {
          "00080005": { "vr": "CS", "Value": [ "ISO_IR 192" ] },
          "00080020": { "vr": "DA", "Value": [ "20130409" ] },
          "00080030": { "vr": "TM", "Value": [ "131600.0000" ] },
          "00080050": { "vr": "SH", "Value": [ "11235813" ] },
          "00080056": { "vr": "CS", "Value": [ "ONLINE" ] },
          "00080061": { "vr": "CS", "Value": [ "CT", "PET" ] },
          "00080090": { "vr": "PN", "Value": [ { "Alphabetic": "^Bob^^Dr." } ] },
          "00081190": { "vr": "UR", "Value": [ "http://wado.nema.org/studies/1.2.392.200036.9116.2.2.2.1762893313.1029997326.945873" ] },
          "00090010": { "vr": "LO", "Value": [ "Vendor A" ] },
          "00091002": { "vr": "UN", "InlineBinary": "z0x9c8v7" },
          "00100010": { "vr": "PN", "Value": [ { "Alphabetic": "Wang^XiaoDong", "Ideographic": "王^小東" } ] },
          "00100020": { "vr": "LO", "Value": [ "12345678" ] },
          "00100021": { "vr": "LO", "Value": [ "Hospital A" ] },
          "00100030": { "vr": "DA", "Value": [ "19670701" ] },
          "00100040": { "vr": "CS", "Value": [ "M" ] },
          "00101002": { "vr": "SQ", "Value": [
            { "00100020": { "vr": "LO", "Value": [ "54321" ] },
              "00100021": { "vr": "LO", "Value": [ "Hospital B" ] } },
            { "00100020": { "vr": "LO", "Value": [ "24680" ] },
              "00100021": { "vr": "LO", "Value": [ "Hospital C" ] } } ] },
          "0020000D": { "vr": "UI", "Value": [ "1.2.392.200036.9116.2.2.2.1762893313.1029997326.945873" ] },
          "00200010": { "vr": "SH", "Value": [ "11235813" ] },
          "00201206": { "vr": "IS", "Value": [ 4 ] },
          "00201208": { "vr": "IS", "Value": [ 942 ] }
        }
      ]
      """;
}
