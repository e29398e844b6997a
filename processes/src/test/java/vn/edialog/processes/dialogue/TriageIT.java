package vn.edialog.processes.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.edialog.processes.dialogue.DialogueProcess.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import vn.edialog.command.dialogue.api.RejectionReason;

class TriageIT extends DialogueProcessTestCase {

    @Test
    void aDialogueAskedOpensOneTriageTaskForTheModeratorsWithItsDueAndFollowUpDates() {
        ask();

        Task triage = task(TASK_TRIAGE);
        assertThat(triage)
                .hasName("Phân loại: Thủ tục thành lập chi nhánh — Công ty TNHH An Phát")
                .hasDueDate(Date.from(vn(2025, 6, 9, 17, 0)));
        assertThat(tasks.getIdentityLinksForTask(triage.getId()))
                .extracting(IdentityLink::getGroupId)
                .containsExactly("demo-ubnd-moderators");
        assertThat(triage.getFollowUpDate()).isEqualTo(Date.from(vn(2025, 6, 6, 17, 0)));
        assertThat(triage.getPriority()).isEqualTo(50);
        assertThat(variable(FORWARD_TO)).as("suggested by routing.dmn").isEqualTo("skhdt");
        assertThat(variable("triageLegalSource").toString()).contains("Nghị định 20/2008/NĐ-CP");
        assertThat(variable("triageDueAtText")).as("the form's local time").isEqualTo("09/06/2025 17:00");
        assertThat(variable("topicName")).isEqualTo("Đăng ký doanh nghiệp, hộ kinh doanh");
        assertThat(variable("departmentOptions").toString().split(";"))
                .as("the form's choice of departments, moderator excluded")
                .contains("skhdt|Sở Kế hoạch và Đầu tư", "thue|Cục Thuế tỉnh Demo")
                .noneMatch(option -> option.startsWith("ubnd|"));
        assertThat(variable("returnedReason")).as("nothing was returned yet").isNull();
    }

    @Test
    void aDialogueAskedTwiceStartsItsProcessOnce() {
        ask();
        ask();

        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(dialogue.toString())
                        .count())
                .isEqualTo(1);
    }

    @Test
    void forwardingSendsTheCommandAndTheForwardedEventOpensTheDepartmentsTask() {
        ask();

        Instant dueAt = forwardNow();

        RecordingDialogueActions.Call forward = calls("forward").get(0);
        assertThat(forward.official()).isEqualTo(new ActingOfficial(MODERATOR, "demo", "ubnd"));
        assertThat(forward.fields()).containsExactly("skhdt", "Đề nghị Sở trả lời", vn(2025, 6, 19, 17, 0));
        assertThat(dialogueProcess())
                .hasPassed(TASK_TRIAGE, "BoundaryEvent_DialogueForwarded", "Task_PlanAnswer")
                .isNotWaitingAt(TASK_TRIAGE);
        Task answer = task(TASK_ANSWER_FORWARD);
        assertThat(answer)
                .hasName("Trả lời: Thủ tục thành lập chi nhánh (DEMO-2025-000123)")
                .hasDueDate(Date.from(dueAt));
        assertThat(tasks.getIdentityLinksForTask(answer.getId()))
                .extracting(IdentityLink::getGroupId)
                .containsExactly("demo-skhdt-officers");
        assertThat(answer.getFollowUpDate()).isEqualTo(Date.from(vn(2025, 6, 16, 17, 0)));
        assertThat(variable(DECISION)).as("the form starts empty next time").isNull();
    }

    @Test
    void aReturnedForwardComesBackToTriageWithAFreshTriagePeriod() {
        ask();
        forwardNow();
        at(vn(2025, 6, 10, 9, 0));

        complete(TASK_ANSWER_FORWARD, OFFICER, Map.of("decision", "return", "returnReason", "Không thuộc thẩm quyền"));
        assertThat(calls("returnForward").get(0).fields()).containsExactly("Không thuộc thẩm quyền");
        bridge.on(Events.returned(dialogue, "skhdt", now()));

        assertThat(dialogueProcess()).hasPassed("BoundaryEvent_ForwardReturned").isNotWaitingAt(TASK_ANSWER_FORWARD);
        assertThat(dialogueProcess()).task(TASK_TRIAGE).hasDueDate(Date.from(vn(2025, 6, 12, 17, 0)));
        assertThat(variable(FORWARD_TO)).isEqualTo("skhdt");
        assertThat(variable("returnedReason"))
                .as("the re-triage form shows why")
                .isEqualTo("Không thuộc thẩm quyền");
        assertThat(variable("returnedByName")).isEqualTo("Sở Kế hoạch và Đầu tư");
        assertThat(variable("triageDueAtText")).isEqualTo("12/06/2025 17:00");
    }

    @Test
    void answeringInTriageSendsTheAnswerAndTheAnsweredEventOpensTheRatingWindow() {
        ask();

        complete(TASK_TRIAGE, MODERATOR, Map.of("decision", "answer", "answer", "Câu trả lời của UBND"));
        assertThat(calls("answer").get(0).fields()).containsExactly("Câu trả lời của UBND");
        bridge.on(Events.answered(dialogue, "ubnd", false, vn(2025, 6, 9, 17, 0), now()), 7L);

        assertThat(waitingAt()).containsExactly("Gateway_RatingWindow");
        assertThat(dialogueProcess()).hasPassed("BoundaryEvent_DialogueAnsweredInTriage", "Task_PlanRatingWindow");
        assertThat(variable(RATING_WINDOW_ENDS_AT)).isEqualTo(Date.from(now().plus(Duration.ofDays(7))));
    }

    @Test
    void rejectingSendsTheRejectionAndTheRejectedEventEndsTheProcess() {
        ask();

        complete(
                TASK_TRIAGE,
                MODERATOR,
                Map.of("decision", "reject", "rejectionCode", "DUPLICATE", "rejectionReason", "Trùng hồ sơ"));
        assertThat(calls("reject").get(0).fields()).containsExactly(RejectionReason.DUPLICATE, "Trùng hồ sơ");
        assertThat(waitingAt())
                .as("the act is done and the stage waits: its outcome event leaves it through a boundary event")
                .containsExactly("Event_TriageClarificationRequested");
        bridge.on(Events.rejected(dialogue, now()));

        assertThat(dialogueProcess())
                .isEnded()
                .hasPassed("BoundaryEvent_DialogueRejected", "EndEvent_DialogueRejected");
    }

    @Test
    void aDialogueAskedRedeliveredAfterItsProcessEndedStartsNothing() {
        ask();
        bridge.on(Events.rejected(dialogue, now()));
        assertThat(dialogueProcess()).isEnded();

        ask();

        assertThat(process()).isNull();
        assertThat(dialogueProcess()).isEnded(); // and it is still the only one
    }

    @Test
    void eventsNoProcessWaitsForAreIgnored() {
        UUID unknown = UUID.randomUUID();
        bridge.on(Events.acknowledged(unknown, "skhdt", now(), now()));
        bridge.on(Events.rated(unknown, "skhdt", now()));
        ask();

        bridge.on(Events.acknowledged(dialogue, "skhdt", now(), now()));
        bridge.on(Events.rated(dialogue, "ubnd", now()));

        assertThat(dialogueProcess()).isWaitingAt(TASK_TRIAGE);
    }
}
