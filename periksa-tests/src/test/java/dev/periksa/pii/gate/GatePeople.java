package dev.periksa.pii.gate;

import java.time.LocalDate;
import java.util.Locale;

/** Makes the people of the gate corpus, and writes their titles and addresses. */
final class GatePeople {
  private GatePeople() {}

  /** A doctor, nurse or other staff member: title and degrees around a labelled name. */
  record Staff(String prefix, String name, String suffix, boolean female) {
    void put(GateText g) {
      g.t(prefix).v(dev.periksa.pii.PiiType.NAME, name).t(suffix);
    }

    void putUpper(GateText g) {
      g.t(prefix).v(dev.periksa.pii.PiiType.NAME, GateValues.up(name)).t(suffix);
    }
  }

  static GatePerson indonesian(GateRng r, LocalDate at, int minAge, int maxAge) {
    return indonesian(r, at, minAge, maxAge, r.chance(0.52));
  }

  static GatePerson indonesian(GateRng r, LocalDate at, int minAge, int maxAge, boolean female) {
    String given;
    String family;
    int total = 0;
    for (GateVocab.Origin o : GateVocab.ORIGINS) {
      total += o.weight();
    }
    int pickW = r.below(total);
    GateVocab.Origin origin = GateVocab.ORIGINS.get(0);
    for (GateVocab.Origin o : GateVocab.ORIGINS) {
      if (pickW < o.weight()) {
        origin = o;
        break;
      }
      pickW -= o.weight();
    }
    if (origin.key().equals("jawa") && r.chance(0.15)) {
      given = r.pick(female ? GateVocab.SINGLE_FEMALE : GateVocab.SINGLE_MALE);
      family = "";
    } else {
      given = r.pick(female ? origin.givenFemale() : origin.givenMale());
      family = r.pick(female ? origin.familyFemale() : origin.familyMale());
      if (origin.key().equals("muslim") && r.chance(0.25) && given.indexOf(' ') < 0) {
        String middle = r.pick(female ? origin.familyFemale() : origin.familyMale());
        if (!middle.equals(family)) {
          given = given + " " + middle;
        }
      }
    }
    LocalDate birth = birth(r, at, minAge, maxAge);
    GateVocab.Place place = r.pick(GateVocab.PLACES);
    int di = r.below(place.districts().size());
    String kec = place.districts().get(di);
    String kel = r.pick(place.villages().get(di));
    int district = 1 + di * 3 + (place.reg().charAt(1) - '0') % 3;
    String birthPlace = r.chance(0.75) ? place.town() : r.pick(GateVocab.PLACES).town();
    String nik = GateValues.nik(place, district, birth, female, serial(r));
    String street = street(r);
    String rt = GateValues.pad(r.between(1, 15), 3);
    String rw = GateValues.pad(r.between(1, 12), 3);
    String postcode = place.zip() + GateValues.pad(r.between(11, 99), 2);
    String mobile = GateValues.mobile(r);
    String email = email(r, given, family, birth);
    return new GatePerson(
        given,
        family,
        female,
        birth,
        birthPlace,
        place,
        district,
        kec,
        kel,
        nik,
        street,
        rt,
        rw,
        postcode,
        mobile,
        email,
        GateValues.bpjs(r),
        null);
  }

  /** A foreigner living or staying in Indonesia (local address, no NIK, no BPJS). */
  static GatePerson foreigner(GateRng r, LocalDate at, int minAge, int maxAge) {
    GateVocab.Country c = r.pick(GateVocab.COUNTRIES);
    boolean female = r.chance(0.5);
    String given = r.pick(female ? c.givenFemale() : c.givenMale());
    String family = r.pick(c.family());
    LocalDate birth = birth(r, at, minAge, maxAge);
    GateVocab.Place place = r.pick(GateVocab.PLACES);
    int di = r.below(place.districts().size());
    return new GatePerson(
        given,
        family,
        female,
        birth,
        r.pick(c.cities()),
        place,
        1 + di,
        place.districts().get(di),
        r.pick(place.villages().get(di)),
        null,
        foreignerStreet(r),
        GateValues.pad(r.between(1, 15), 3),
        GateValues.pad(r.between(1, 12), 3),
        place.zip() + GateValues.pad(r.between(11, 99), 2),
        null,
        email(r, given, family, birth),
        null,
        c);
  }

  /** Foreigners rent in town: a street, lane or estate, never a hamlet. */
  private static String foreignerStreet(GateRng r) {
    String s = street(r);
    while (s.startsWith("Dusun")) {
      s = street(r);
    }
    return s;
  }

  private static LocalDate birth(GateRng r, LocalDate at, int minAge, int maxAge) {
    return at.minusYears(r.between(minAge, maxAge)).minusDays(r.below(365));
  }

  private static int serial(GateRng r) {
    return r.chance(0.8) ? r.between(1, 350) : r.between(351, 9999);
  }

  /** The person's own phone as written: Indonesian, or foreign for foreigners. */
  static String phoneOf(GateRng r, GatePerson p) {
    return p.foreign()
        ? GateValues.foreignPhone(r, p.country.code())
        : GateValues.phone(r, p.mobile);
  }

  // ---------------------------------------------------------------- addresses

  /** The street part of an address, e.g. "Jl. Kenanga No. 12" or "Dusun Krajan". */
  static String street(GateRng r) {
    int kind = r.below(20);
    String no = houseNo(r);
    if (kind < 11) {
      return r.pick("Jl.", "Jl.", "Jl.", "Jalan", "Jl")
          + " "
          + r.pick(GateVocab.STREETS)
          + " "
          + no;
    }
    if (kind < 14) {
      return r.pick("Gg.", "Gang") + " " + r.pick(GateVocab.GANGS) + " " + no;
    }
    if (kind < 16) {
      return "Komp. "
          + r.pick(GateVocab.ESTATES)
          + " Blok "
          + r.pick("A", "B", "C", "D", "F", "H")
          + r.between(1, 12)
          + " "
          + no;
    }
    if (kind < 18) {
      return "Perum. "
          + r.pick(GateVocab.ESTATES)
          + " Blok "
          + r.pick("A", "C", "E", "G", "K")
          + r.between(1, 9)
          + "/"
          + r.between(1, 40);
    }
    return "Dusun " + r.pick(GateVocab.HAMLETS);
  }

  private static String houseNo(GateRng r) {
    int n = r.between(1, 180);
    switch (r.below(6)) {
      case 0:
        return "No." + n;
      case 1:
        return "No. " + n + r.pick("A", "B", "C");
      case 2:
        return "no " + n;
      default:
        return "No. " + n;
    }
  }

  /** RT/RW in one of the ways they are written. */
  static String rtRw(GateRng r, GatePerson p) {
    int rt = Integer.parseInt(p.rt);
    int rw = Integer.parseInt(p.rw);
    switch (r.below(5)) {
      case 0:
        return "RT " + p.rt + "/RW " + p.rw;
      case 1:
        return "RT " + GateValues.pad(rt, 2) + " RW " + GateValues.pad(rw, 2);
      case 2:
        return "RT." + p.rt + "/RW." + p.rw;
      case 3:
        return "RT " + rt + "/RW " + rw;
      default:
        return "RT/RW " + p.rt + "/" + p.rw;
    }
  }

  /** The labelled run of an address: street, sometimes followed by RT/RW. */
  static String addressRun(GateRng r, GatePerson p, double rtChance) {
    boolean hamlet = p.street.startsWith("Dusun");
    if (hamlet || r.chance(rtChance)) {
      return p.street + " " + rtRw(r, p);
    }
    return p.street;
  }

  // ---------------------------------------------------------------- titles

  /** An Indonesian honorific for a patient (empty sometimes). */
  static String title(GateRng r, GatePerson p, LocalDate at) {
    int age = p.age(at);
    if (age < 14) {
      return r.pick("An.", "An.", "");
    }
    if (r.chance(0.2)) {
      return "";
    }
    if (age > 50 && r.chance(0.2)) {
      return p.female ? "Hj." : "H.";
    }
    if (p.female) {
      return age < 23 ? r.pick("Nn.", "Sdri.") : r.pick("Ny.", "Ny.", "Ibu");
    }
    return age < 23 ? "Sdr." : r.pick("Tn.", "Tn.", "Bpk.");
  }

  static String titleEn(GatePerson p) {
    return p.female ? "Ms." : "Mr.";
  }

  /** Writes "title name" with the name labelled. */
  static void titled(GateText g, String title, String name) {
    if (!title.isEmpty()) {
      g.t(title + " ");
    }
    g.v(dev.periksa.pii.PiiType.NAME, name);
  }

  private static final String[] SPECIALTIES = {
    ", Sp.PD",
    ", Sp.A",
    ", Sp.OG",
    ", Sp.P",
    ", Sp.JP",
    ", Sp.B",
    ", Sp.N",
    ", Sp.PD-KGEH",
    ", Sp.An",
    ", Sp.Rad",
    ", M.Kes",
    ", Sp.KJ",
    ", Sp.THT-KL"
  };

  static Staff doctor(GateRng r, LocalDate at, boolean specialist) {
    GatePerson p = indonesian(r, at, 28, 66);
    String prefix;
    int k = r.below(20);
    if (k < 13) {
      prefix = "dr. ";
    } else if (k < 15) {
      prefix = "Dr. dr. ";
    } else if (k < 16) {
      prefix = "Prof. Dr. dr. ";
    } else if (k < 18) {
      prefix = p.female ? "dr. Hj. " : "dr. H. ";
    } else {
      prefix = specialist ? "dr. " : "drg. ";
    }
    String suffix = specialist ? r.pick(SPECIALTIES) : r.chance(0.15) ? ", M.Kes" : "";
    return new Staff(prefix, p.full(), suffix, p.female);
  }

  /** A clinical pathologist signing lab results. */
  static Staff pathologist(GateRng r, LocalDate at) {
    GatePerson p = indonesian(r, at, 30, 64);
    return new Staff(
        r.pick("dr. ", "dr. ", "Dr. dr. "),
        p.full(),
        r.pick(", Sp.PK", ", Sp.PK(K)", ", Sp.PK, M.Kes"),
        p.female);
  }

  static Staff nurse(GateRng r, LocalDate at) {
    GatePerson p = indonesian(r, at, 22, 55);
    switch (r.below(4)) {
      case 0:
        return new Staff("Ns. ", p.full(), ", S.Kep", p.female);
      case 1:
        return new Staff("", p.full(), ", A.Md.Kep", p.female);
      case 2:
        return new Staff("Ns. ", p.full(), "", p.female);
      default:
        return new Staff("", p.full(), ", S.Kep., Ners", p.female);
    }
  }

  static Staff analyst(GateRng r, LocalDate at) {
    GatePerson p = indonesian(r, at, 22, 55);
    return new Staff("", p.full(), r.pick(", A.Md.AK", ", S.Tr.Kes", ", A.Md.Kes"), p.female);
  }

  static Staff admin(GateRng r, LocalDate at) {
    GatePerson p = indonesian(r, at, 21, 55);
    return new Staff("", p.full(), r.pick("", "", ", S.KM", ", A.Md.RMIK", ", S.E."), p.female);
  }

  /** The short name staff use in chats, e.g. "Wulan". */
  static String nick(Staff s) {
    String n = s.name();
    String[] parts = n.split(" ");
    if ((parts[0].equals("I") || parts[0].equals("Ni")) && parts.length > 2) {
      return parts[2];
    }
    return parts[0].equals("Muhammad") && parts.length > 1 ? parts[1] : parts[0];
  }

  // ---------------------------------------------------------------- e-mail

  private static String ascii(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
      if (c >= 'a' && c <= 'z') {
        b.append(c);
      } else if (c == '\u00fc' || c == '\u00f6') {
        b.append(c == '\u00fc' ? "ue" : "oe");
      } else if (c == '\u00e9' || c == '\u00e8') {
        b.append('e');
      } else if (c == '\u00ef') {
        b.append('i');
      }
    }
    return b.toString();
  }

  /** A personal mailbox built from the name. */
  static String email(GateRng r, String given, String family, LocalDate birth) {
    String[] gs = given.split(" ");
    String first = gs[0];
    if ((first.equals("I") || first.equals("Ni")) && gs.length > 1) {
      first = gs[gs.length - 1];
    }
    String g = ascii(first);
    String f = family.isEmpty() ? "" : ascii(family.replace(" ", ""));
    String yy = GateValues.pad(birth.getYear() % 100, 2);
    String local;
    switch (r.below(6)) {
      case 0:
        local = f.isEmpty() ? g + yy : g + "." + f;
        break;
      case 1:
        local = g + f + yy;
        break;
      case 2:
        local = f.isEmpty() ? g + r.digits(3) : g.charAt(0) + f;
        break;
      case 3:
        local = g + "_" + (f.isEmpty() ? "official" : f);
        break;
      case 4:
        local = g + r.between(1, 999);
        break;
      default:
        local = f.isEmpty() ? "its." + g : f + "." + g + yy;
        break;
    }
    String domain =
        r.pick(
            "gmail.com",
            "gmail.com",
            "gmail.com",
            "yahoo.co.id",
            "yahoo.com",
            "ymail.com",
            "outlook.com",
            "hotmail.com",
            "icloud.com");
    return local + "@" + domain;
  }

  /** A personal mailbox for a full name (the last word taken as family name). */
  static String email(GateRng r, String fullName, LocalDate birth) {
    int sp = fullName.lastIndexOf(' ');
    return sp < 0
        ? email(r, fullName, "", birth)
        : email(r, fullName.substring(0, sp), fullName.substring(sp + 1), birth);
  }

  /** A staff member's named mailbox at their facility: personal, labelled. */
  static String staffEmail(Staff s, GateVocab.Facility f) {
    String[] parts = s.name().split(" ");
    String first = parts[0];
    if ((first.equals("I") || first.equals("Ni")) && parts.length > 2) {
      first = parts[1];
    }
    String last = parts[parts.length - 1];
    return ascii(first) + (parts.length > 1 ? "." + ascii(last) : "") + "@" + f.domain();
  }

  static String roleEmail(GateRng r, GateVocab.Facility f) {
    return r.pick(GateVocab.ROLE_BOXES) + "@" + f.domain();
  }
}
