package dev.periksa.evidence;

/** How bad a finding is; set from what the evidence holds, not fixed per check. */
public enum Severity {
  INFO,
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  /** The Allure severity label closest to this one. */
  public String allureName() {
    switch (this) {
      case CRITICAL:
        return "blocker";
      case HIGH:
        return "critical";
      case MEDIUM:
        return "normal";
      case LOW:
        return "minor";
      default:
        return "trivial";
    }
  }

  /** The higher of two severities; null counts as lowest. */
  public static Severity max(Severity a, Severity b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.compareTo(b) >= 0 ? a : b;
  }
}
