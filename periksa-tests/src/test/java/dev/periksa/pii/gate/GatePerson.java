package dev.periksa.pii.gate;

import java.time.LocalDate;
import java.time.Period;

/** One person of a document, Indonesian or foreign, with everything a record may hold. */
final class GatePerson {
  final String given;
  final String family;
  final boolean female;
  final LocalDate birth;
  final String birthPlace;
  final GateVocab.Place place;
  final int district;
  final String kecamatan;
  final String kelurahan;
  final String nik;
  final String street;
  final String rt;
  final String rw;
  final String postcode;
  final String mobile;
  final String email;
  final String bpjs;
  final GateVocab.Country country;

  GatePerson(
      String given,
      String family,
      boolean female,
      LocalDate birth,
      String birthPlace,
      GateVocab.Place place,
      int district,
      String kecamatan,
      String kelurahan,
      String nik,
      String street,
      String rt,
      String rw,
      String postcode,
      String mobile,
      String email,
      String bpjs,
      GateVocab.Country country) {
    this.given = given;
    this.family = family;
    this.female = female;
    this.birth = birth;
    this.birthPlace = birthPlace;
    this.place = place;
    this.district = district;
    this.kecamatan = kecamatan;
    this.kelurahan = kelurahan;
    this.nik = nik;
    this.street = street;
    this.rt = rt;
    this.rw = rw;
    this.postcode = postcode;
    this.mobile = mobile;
    this.email = email;
    this.bpjs = bpjs;
    this.country = country;
  }

  boolean foreign() {
    return country != null;
  }

  String full() {
    return family.isEmpty() ? given : given + " " + family;
  }

  String upper() {
    return GateValues.up(full());
  }

  /** HL7 XPN: FAMILY^GIVEN, or the one name alone. */
  String hl7() {
    return family.isEmpty()
        ? GateValues.up(given)
        : GateValues.up(family) + "^" + GateValues.up(given);
  }

  int age(LocalDate at) {
    return Period.between(birth, at).getYears();
  }

  /** "Kel. X, Kec. Y, Kota Z 40132": the unlabelled rest of an address. */
  String areaId() {
    String town =
        place.regency().startsWith("KOTA") ? "Kota " + place.town() : "Kab. " + place.town();
    return "Kel. "
        + GateValues.title(kelurahan)
        + ", Kec. "
        + GateValues.title(kecamatan)
        + ", "
        + town
        + " "
        + postcode;
  }

  String areaEn() {
    return GateValues.title(kelurahan)
        + ", "
        + GateValues.title(kecamatan)
        + ", "
        + place.town()
        + " "
        + postcode
        + ", Indonesia";
  }
}
