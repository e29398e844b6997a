package vn.edialog.processes.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;

/** The rows of the Deadlines decision are kept per deployed version: a new version applies at once. */
class DeadlineRulesIT {

    @Test
    void aNewVersionOfTheDeadlinesDecisionAppliesAtOnceAndRemovingItRestoresTheRowsBefore() throws IOException {
        ProcessEngine engine = TestEngine.get();
        Deadlines deadlines = new Deadlines(TestEngine.CALENDAR, TestEngine.SETTINGS);
        DeadlineRule before = deadlines.rule(engine, "demo", "dat-dai", DeadlineStep.TRIAGE);
        assertThat(before.workingDays()).isEqualTo(2);
        assertThat(deadlines.rule(engine, "demo", "dat-dai", DeadlineStep.TRIAGE))
                .isEqualTo(before);

        String model;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("bpmn/deadlines.dmn")) {
            model = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String fiveDaysToTriage = model.replace(
                "<outputEntry id=\"OutputEntry_Triage_1\"><text>2</text></outputEntry>",
                "<outputEntry id=\"OutputEntry_Triage_1\"><text>5</text></outputEntry>");
        assertThat(fiveDaysToTriage).isNotEqualTo(model);
        Deployment newer = engine.getRepositoryService()
                .createDeployment()
                .name("deadlines, five days to triage")
                .addString("deadlines.dmn", fiveDaysToTriage)
                .deploy();
        try {
            assertThat(deadlines
                            .rule(engine, "demo", "dat-dai", DeadlineStep.TRIAGE)
                            .workingDays())
                    .isEqualTo(5);
            assertThat(deadlines
                            .rule(engine, "demo", "dat-dai", DeadlineStep.ANSWER)
                            .workingDays())
                    .isEqualTo(10);
        } finally {
            engine.getRepositoryService().deleteDeployment(newer.getId(), true);
        }
        assertThat(deadlines.rule(engine, "demo", "dat-dai", DeadlineStep.TRIAGE))
                .isEqualTo(before);
    }
}
