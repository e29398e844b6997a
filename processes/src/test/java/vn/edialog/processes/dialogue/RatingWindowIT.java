package vn.edialog.processes.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.edialog.processes.dialogue.DialogueProcess.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.edialog.command.dialogue.api.CloseReason;

class RatingWindowIT extends DialogueProcessTestCase {

    @Test
    void anAnsweredDialogueClosesAutomaticallyWhenItsRatingWindowElapsesAndEndsAfterItsReopenWindow() {
        ask();
        Instant due = forwardNow();
        at(vn(2025, 6, 10, 10, 0));
        complete(TASK_ANSWER_FORWARD, OFFICER, Map.of("decision", "answer", "answer", "Trả lời của Sở"));
        bridge.on(Events.answered(dialogue, "skhdt", true, due, now()), 7L);
        Instant answeredAt = now();

        at(vn(2025, 6, 12, 10, 0));
        bridge.on(Events.rated(dialogue, "skhdt", now()));
        advanceTo(answeredAt.plus(Duration.ofDays(7)).minusSeconds(60));
        assertThat(calls("closeAutomatically"))
                .as("a rating does not close the window")
                .isEmpty();
        assertThat(variable("rating")).isEqualTo(5);
        assertThat(dialogueProcess()).isWaitingAt("Gateway_RatingWindow");

        advanceTo(answeredAt.plus(Duration.ofDays(7)));
        Instant reopenableUntil = now().plus(Duration.ofDays(30));
        assertThat(calls("closeAutomatically"))
                .extracting(RecordingDialogueActions.Call::fields)
                .containsExactly(List.of(CloseReason.RATING_WINDOW_ELAPSED, reopenableUntil));
        bridge.on(Events.closed(dialogue, CloseReason.RATING_WINDOW_ELAPSED, reopenableUntil, now()));

        advanceTo(reopenableUntil.plusSeconds(1));
        assertThat(dialogueProcess())
                .isEnded()
                .hasPassed(
                        "Event_RatingWindowElapsed",
                        "Task_CloseAfterRatingWindow",
                        "Event_DialogueClosed",
                        "Event_ReopenWindowElapsed",
                        "EndEvent_DialogueClosed")
                .hasNotPassed("Event_ClosedByModerator", "Event_DialogueReopened");
    }

    @Test
    void aModeratorsCloseEndsTheRatingWindowWithoutAnAutomaticClose() {
        ask();
        complete(TASK_TRIAGE, MODERATOR, Map.of("decision", "answer", "answer", "Trả lời"));
        bridge.on(Events.answered(dialogue, "ubnd", false, vn(2025, 6, 9, 17, 0), now()), 7L);

        at(vn(2025, 6, 6, 9, 0));
        bridge.on(Events.closed(dialogue, CloseReason.ANSWERED, now().plus(Duration.ofDays(30)), now()));
        assertThat(waitingAt()).containsExactly("Gateway_ReopenWindow");
        assertThat(dialogueProcess()).hasPassed("Event_ClosedByModerator");

        advanceTo(vn(2025, 6, 20, 9, 0));
        assertThat(calls("closeAutomatically")).isEmpty();
        assertThat(dialogueProcess()).hasNotPassed("Event_RatingWindowElapsed", "Task_CloseAfterRatingWindow");
        assertThat(variable(RATING_WINDOW_ENDS_AT)).isNotNull();
    }
}
