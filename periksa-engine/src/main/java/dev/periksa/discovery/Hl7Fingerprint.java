package dev.periksa.discovery;

import dev.periksa.probe.Mllp;
import dev.periksa.probe.ProbeException;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * An HL7 v2 interface over MLLP in clear: a framed message of a type nobody defines ({@code
 * ZPK^Z01}, no patient asked for) is answered with a framed HL7 message ({@code MSH} first),
 * typically a reject. Interfaces behind mutual TLS are found as TLS services.
 */
final class Hl7Fingerprint implements Fingerprint {

  @Override
  public String kind() {
    return "hl7";
  }

  @Override
  public String product() {
    return "HL7 v2 interface (MLLP)";
  }

  @Override
  public List<Integer> defaultPorts() {
    return List.of(2575, 2576);
  }

  @Override
  public Wire wire() {
    return Wire.TCP;
  }

  @Override
  public Optional<URI> identify(Probes probes, String host, int port) {
    String ts =
        ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
    String message =
        "MSH|^~\\&|PERIKSA|PERIKSA-DISCOVERY|||" + ts + "||ZPK^Z01|PRKDISC" + ts + "|P|2.5\r";
    try {
      Mllp.Reply r = Mllp.exchange(probes.tcp(), host, port, false, message);
      return r.message().startsWith("MSH|")
          ? Optional.of(URI.create("mllp://" + host + ":" + port))
          : Optional.empty();
    } catch (ProbeException e) {
      return Optional.empty();
    }
  }
}
