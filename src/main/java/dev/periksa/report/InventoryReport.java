package dev.periksa.report;

import dev.periksa.discovery.Discovery;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Stage;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.TestResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The inventory discovery found on a target, as an entry of its own in the report. */
public final class InventoryReport {
  private InventoryReport() {}

  public static void record(AllureLifecycle lifecycle, String target, List<Discovery.Found> found) {
    String uuid = UUID.randomUUID().toString();
    StringBuilder d = new StringBuilder();
    d.append("What answered on the hosts and ports this target's profile lists for discovery.\n\n");
    if (found.isEmpty()) {
      d.append("Nothing was recognised.\n");
    } else {
      d.append("| host | port | product | checked as |\n|---|---|---|---|\n");
      for (Discovery.Found f : found) {
        d.append("| ")
            .append(f.host())
            .append(" | ")
            .append(f.port())
            .append(" | ")
            .append(f.product())
            .append(" | ")
            .append(f.kind())
            .append(" |\n");
      }
    }
    List<Label> labels = new ArrayList<>();
    labels.add(new Label().setName("parentSuite").setValue(target));
    labels.add(new Label().setName("suite").setValue("Inventory"));
    labels.add(new Label().setName("target").setValue(target));
    labels.add(new Label().setName("epic").setValue("Inventory"));
    TestResult tr =
        new TestResult()
            .setUuid(uuid)
            .setName("Inventory: " + found.size() + " service(s) recognised")
            .setFullName("inventory:" + target)
            .setHistoryId(
                dev.periksa.pii.Redactor.sha256Hex(
                        ("inventory\n" + target).getBytes(StandardCharsets.UTF_8))
                    .substring(0, 32))
            .setDescription(d.toString())
            .setLabels(labels)
            .setStatus(Status.PASSED)
            .setStage(Stage.FINISHED);
    lifecycle.scheduleTestCase(tr);
    lifecycle.startTestCase(uuid);
    lifecycle.stopTestCase(uuid);
    lifecycle.writeTestCase(uuid);
  }
}
