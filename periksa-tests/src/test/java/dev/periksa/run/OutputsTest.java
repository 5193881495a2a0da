package dev.periksa.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The run's outputs are one pipeline, and the certificate, which signs the others, comes last. */
class OutputsTest {
  @Test
  void resultsFirstCertificateLast() {
    List<String> names = Outputs.STANDARD.stream().map(RunOutput::name).toList();
    assertEquals(
        List.of(
            "results.json",
            "junit.xml, results.sarif",
            "allure-results/",
            "report.html",
            "certificate.json and the printable certificates"),
        names);
    assertEquals(Outputs.CERTIFICATE, Outputs.STANDARD.get(Outputs.STANDARD.size() - 1));
  }
}
