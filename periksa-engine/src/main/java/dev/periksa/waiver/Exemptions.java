package dev.periksa.waiver;

import dev.periksa.check.Attestation;
import dev.periksa.check.CheckResult;
import dev.periksa.check.Exemption;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.regulation.Catalogue;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The waivers and attestations of one run, read and checked before anything is probed, then applied
 * where each check result is concluded (so the console, the report and results.json agree), and
 * accounted for at the end: each waiver applied, expired or unused.
 *
 * <p>A waiver without a fingerprint covers every finding of its check or requirement on its target;
 * with one, only that finding. A FAIL whose every finding a current waiver covers becomes WAIVED,
 * with the findings still shown; a FAIL only partly covered stays FAIL, the covered findings
 * marked. A waiver past its expiry day no longer applies and the result says so.
 */
public final class Exemptions {
  /** No waivers, no attestations. */
  public static final Exemptions NONE = new Exemptions(null, List.of(), null, List.of(), null);

  private final Path waiverFile;
  private final List<Waiver> waivers;
  private final Path attestationFile;
  private final List<Attestation> attestations;
  private final LocalDate today;
  private final boolean process;
  private final Map<Waiver, Set<String>> applied = new LinkedHashMap<>();
  private final Set<Waiver> expiredSeen = new LinkedHashSet<>();

  public Exemptions(
      Path waiverFile,
      List<Waiver> waivers,
      Path attestationFile,
      List<Attestation> attestations,
      LocalDate today) {
    this(waiverFile, waivers, attestationFile, attestations, today, false);
  }

  private Exemptions(
      Path waiverFile,
      List<Waiver> waivers,
      Path attestationFile,
      List<Attestation> attestations,
      LocalDate today,
      boolean process) {
    this.waiverFile = waiverFile;
    this.waivers = List.copyOf(waivers);
    this.attestationFile = attestationFile;
    this.attestations = List.copyOf(attestations);
    this.today = today == null ? ExemptionFiles.today() : today;
    this.process = process;
  }

  /**
   * The same, for a run that certifies process requirements too (a regulator's run): GOV-1's
   * breach-notification process is asked, and met only by a current attestation.
   */
  public Exemptions certifyingProcess() {
    return new Exemptions(waiverFile, waivers, attestationFile, attestations, today, true);
  }

  /** Whether this run certifies process requirements. */
  public boolean certifiesProcess() {
    return process;
  }

  /**
   * Reads and checks both files (either may be null): the run's step (1), before any probe.
   *
   * @throws ExemptionFileException naming the file and entry of the first problem
   */
  public static Exemptions load(Path waiverFile, Path attestationFile)
      throws ExemptionFileException {
    LocalDate today = ExemptionFiles.today();
    ExemptionFiles files = new ExemptionFiles(Catalogue.standard(), today);
    List<Waiver> w = waiverFile == null ? List.of() : files.waivers(waiverFile);
    List<Attestation> a = attestationFile == null ? List.of() : files.attestations(attestationFile);
    return new Exemptions(waiverFile, w, attestationFile, a, today);
  }

  /**
   * As {@link #load}, from texts already read (the demo's files ship inside the jar); {@code
   * waiverFile} and {@code attestationFile} name them in messages.
   */
  public static Exemptions parse(
      Path waiverFile, String waiverText, Path attestationFile, String attestationText)
      throws ExemptionFileException {
    LocalDate today = ExemptionFiles.today();
    ExemptionFiles files = new ExemptionFiles(Catalogue.standard(), today);
    return new Exemptions(
        waiverFile,
        files.waivers(waiverFile, waiverText),
        attestationFile,
        files.attestations(attestationFile, attestationText),
        today);
  }

  /** The same waivers and attestations with fresh accounting, for a new run. */
  public Exemptions fresh() {
    return new Exemptions(waiverFile, waivers, attestationFile, attestations, today, process);
  }

  public List<Waiver> waivers() {
    return waivers;
  }

  public List<Attestation> attestations() {
    return attestations;
  }

  public LocalDate today() {
    return today;
  }

  /** Says on the console what the run will apply, before the scan. */
  public void announce(PrintStream out) {
    if (waiverFile != null) {
      long current = waivers.stream().filter(w -> w.currentOn(today)).count();
      out.println(
          "Waivers: "
              + waiverFile
              + ": "
              + waivers.size()
              + " (current "
              + current
              + ", expired "
              + (waivers.size() - current)
              + ")");
    }
    if (attestationFile != null) {
      out.println("Attestations: " + attestationFile + ": " + attestations.size());
    }
  }

  /**
   * Applies the waivers to one concluded check result of a target: WAIVED when every finding of a
   * FAIL is covered by a current waiver, FAIL with the covered findings marked when only some are,
   * and a note for each matching waiver that has expired. Anything but a FAIL is returned as is.
   */
  public synchronized CheckResult apply(String target, List<String> requirements, CheckResult r) {
    if (r.outcome() != Outcome.FAIL || waivers.isEmpty()) {
      return r;
    }
    String checkId = r.check().id();
    List<Exemption> notes = new ArrayList<>(r.exemptions());
    Set<String> covered = new LinkedHashSet<>();
    List<String> expiredNotes = new ArrayList<>();
    for (Waiver w : waivers) {
      if (!w.target().equals(target) || !names(w, checkId, r, requirements)) {
        continue;
      }
      List<String> fps = new ArrayList<>();
      for (Finding f : r.findings()) {
        String fp = f.fingerprint(checkId);
        if (w.fingerprint() == null || w.fingerprint().equals(fp)) {
          fps.add(fp);
        }
      }
      if (fps.isEmpty()) {
        continue;
      }
      if (w.currentOn(today)) {
        covered.addAll(fps);
        applied.computeIfAbsent(w, k -> new LinkedHashSet<>()).addAll(fps);
        notes.add(exemption(w, true, fps));
      } else {
        expiredSeen.add(w);
        Exemption e = exemption(w, false, fps);
        notes.add(e);
        expiredNotes.add(e.describe());
      }
    }
    if (notes.size() == r.exemptions().size()) {
      return r;
    }
    boolean all = r.findings().stream().allMatch(f -> covered.contains(f.fingerprint(checkId)));
    List<String> reasons = new ArrayList<>();
    if (!r.reason().isBlank()) {
      reasons.add(r.reason());
    }
    reasons.addAll(expiredNotes);
    if (!covered.isEmpty() && !all) {
      reasons.add(
          covered.size()
              + " of "
              + r.findings().size()
              + " findings waived; the others still fail");
    }
    Outcome o = Outcome.FAIL;
    if (all) {
      // A waiver accepts the findings, not the doubt: parts that could not be verified remain so.
      o = r.others() == Outcome.INCONCLUSIVE ? Outcome.INCONCLUSIVE : Outcome.WAIVED;
    }
    return new CheckResult(
        r.check(),
        o,
        String.join("; ", reasons),
        r.findings(),
        r.observations(),
        r.started(),
        r.elapsed(),
        notes,
        r.others(),
        r.parts());
  }

  /**
   * Accounts for a result another run already applied the waivers to (a shard of a merged run):
   * each waiver it records, by its source entry, counts as applied to those findings, or as
   * expired, exactly as {@link #apply} counted it there. The result itself is left as it is.
   */
  public synchronized void account(CheckResult r) {
    for (Exemption e : r.exemptions()) {
      if (e.kind() != Exemption.Kind.WAIVER) {
        continue;
      }
      for (Waiver w : waivers) {
        if (!w.source().equals(e.source()) || !w.subject().equals(e.subject())) {
          continue;
        }
        if (e.current()) {
          applied.computeIfAbsent(w, k -> new LinkedHashSet<>()).addAll(e.fingerprints());
        } else {
          expiredSeen.add(w);
        }
      }
    }
  }

  private static boolean names(
      Waiver w, String checkId, CheckResult r, List<String> scenarioRequirements) {
    if (w.check() != null) {
      return w.check().equals(checkId);
    }
    return r.check().requirementIds().contains(w.requirement())
        || scenarioRequirements.contains(w.requirement());
  }

  private static Exemption exemption(Waiver w, boolean current, List<String> fps) {
    return new Exemption(
        Exemption.Kind.WAIVER,
        current,
        w.subject(),
        fps,
        w.justification(),
        w.approver(),
        null,
        w.expires(),
        w.source());
  }

  /** What became of each waiver: applied (with the findings), expired, or unused. */
  public synchronized List<Map<String, Object>> waiverReport() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Waiver w : waivers) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("source", w.source());
      m.put("check", w.check());
      m.put("requirement", w.requirement());
      m.put("target", w.target());
      m.put("fingerprint", w.fingerprint());
      m.put("justification", w.justification());
      m.put("approver", w.approver());
      m.put("expires", w.expires().toString());
      String status;
      if (!w.currentOn(today)) {
        status = "expired";
        m.put(
            "note",
            "waiver expired on "
                + w.expires()
                + (expiredSeen.contains(w)
                    ? ": it no longer applies to the findings it named"
                    : ": it no longer applies (and matched no finding)"));
      } else if (applied.containsKey(w)) {
        status = "applied";
        m.put("findings", List.copyOf(applied.get(w)));
      } else {
        status = "unused";
        m.put("note", "matched no failing finding in this run");
      }
      m.put("status", status);
      out.add(m);
    }
    return out;
  }

  /** The attestations as read, each marked current or expired. */
  public List<Map<String, Object>> attestationReport() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Attestation a : attestations) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("source", a.source());
      m.put("requirement", a.requirement());
      m.put("target", a.target());
      m.put("covers", a.covers());
      m.put("statement", a.statement());
      m.put("attestedBy", Map.of("name", a.name(), "role", a.role()));
      m.put("date", a.date().toString());
      m.put("expires", a.expires() == null ? null : a.expires().toString());
      m.put("status", a.currentOn(today) ? "current" : "expired");
      out.add(m);
    }
    return out;
  }

  /** The end-of-scan account of the waivers on the console. */
  public void account(PrintStream out) {
    if (waiverFile == null) {
      return;
    }
    out.println();
    out.println("Waivers (" + waiverFile + ")");
    for (Map<String, Object> m : waiverReport()) {
      String subject =
          m.get("check") != null
              ? "check " + m.get("check")
              : "requirement " + m.get("requirement");
      StringBuilder b = new StringBuilder("  ");
      b.append(m.get("status")).append(": ").append(subject).append(" on ").append(m.get("target"));
      if (m.get("fingerprint") != null) {
        b.append(" finding ").append(m.get("fingerprint"));
      }
      b.append(" (approved by ").append(m.get("approver"));
      b.append(", expires ").append(m.get("expires")).append(')');
      if (m.get("note") != null) {
        b.append(" — ").append(m.get("note"));
      }
      out.println(b);
    }
  }

  /** The results.json section: both lists, with what became of each entry. */
  public Map<String, Object> results() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("waiverFile", waiverFile == null ? null : waiverFile.toString());
    m.put("waivers", waiverReport());
    m.put("attestationFile", attestationFile == null ? null : attestationFile.toString());
    m.put("attestations", attestationReport());
    return m;
  }
}
