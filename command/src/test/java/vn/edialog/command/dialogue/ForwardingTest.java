package vn.edialog.command.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.edialog.command.dialogue.api.DialogueTestData.BUSINESS;
import static vn.edialog.command.dialogue.api.DialogueTestData.DEPARTMENT;
import static vn.edialog.command.dialogue.api.DialogueTestData.DEPARTMENT_AGENCY;
import static vn.edialog.command.dialogue.api.DialogueTestData.MODERATOR;
import static vn.edialog.command.dialogue.api.DialogueTestData.MODERATOR_AGENCY;
import static vn.edialog.command.dialogue.api.DialogueTestData.OTHER_DEPARTMENT;
import static vn.edialog.command.dialogue.api.DialogueTestData.OTHER_DEPARTMENT_AGENCY;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.edialog.command.dialogue.api.ActionNotAllowed;
import vn.edialog.command.dialogue.api.ActorNotAuthorized;
import vn.edialog.command.dialogue.api.ClarificationProvided;
import vn.edialog.command.dialogue.api.DialogueForwarded;
import vn.edialog.command.dialogue.api.DialogueStatus;
import vn.edialog.command.dialogue.api.ForwardDialogueCommand;
import vn.edialog.command.dialogue.api.ForwardReturned;
import vn.edialog.command.dialogue.api.InvalidCommand;
import vn.edialog.command.dialogue.api.ProvideClarificationCommand;
import vn.edialog.command.dialogue.api.ReturnForwardCommand;

/** Forwarding to a department, its signed receipt, its return, and clarification asked by the department. */
class ForwardingTest extends DialogueTestBase {

    @BeforeEach
    void asked() {
        story.happened(story.ask());
    }

    @Test
    void theModeratorForwardsToADepartmentWithANoteAndADueDate() {
        accepted(story.forward());
    }

    @Test
    void forwardingToTheModeratorItselfIsRefused() {
        refused(story.forward(MODERATOR, MODERATOR_AGENCY), InvalidCommand.class, "bad-payload");
    }

    @Test
    void forwardingWhileAForwardIsOpenIsRefused() {
        story.happened(story.forward());
        refused(story.forward(MODERATOR, OTHER_DEPARTMENT_AGENCY), ActionNotAllowed.class, "not-allowed-in-state");
    }

    @Test
    void aDepartmentCannotForward() {
        refused(story.forward(DEPARTMENT, OTHER_DEPARTMENT_AGENCY), ActorNotAuthorized.class, "forbidden");
    }

    @Test
    void forwardingAnAnsweredDialogueIsRefused() {
        story.happened(story.answer(MODERATOR));
        refused(story.forward(), ActionNotAllowed.class);
    }

    @Test
    void forwardingWithADueDateNotAfterTheForwardIsRefused() {
        ForwardDialogueCommand c = story.forward();
        refused(
                new ForwardDialogueCommand(
                        c.dialogueId(), c.department(), c.note(), c.at(), c.actor(), c.at(), c.signed()),
                InvalidCommand.class);
    }

    @Test
    void forwardingWithoutANoteIsRefused() {
        ForwardDialogueCommand c = story.forward();
        refused(
                new ForwardDialogueCommand(
                        c.dialogueId(), c.department(), "", c.dueAt(), c.actor(), c.at(), c.signed()),
                InvalidCommand.class);
    }

    @Test
    void theDepartmentAcknowledgesTheForward() {
        story.happened(story.forward());
        accepted(story.acknowledge(DEPARTMENT));
    }

    @Test
    void acknowledgingTheSameForwardTwiceIsRefused() {
        story.happened(story.forward(), story.acknowledge(DEPARTMENT));
        refused(story.acknowledge(DEPARTMENT), ActionNotAllowed.class);
    }

    @Test
    void anotherDepartmentCannotAcknowledge() {
        story.happened(story.forward());
        refused(story.acknowledge(OTHER_DEPARTMENT), ActorNotAuthorized.class, "forbidden");
    }

    @Test
    void acknowledgingWithoutAnOpenForwardIsRefused() {
        refused(story.acknowledge(DEPARTMENT), ActionNotAllowed.class);
    }

    @Test
    void theDepartmentReturnsANotCompetentForwardAndTheDialogueIsBackInTriage() {
        story.happened(story.forward(), story.acknowledge(DEPARTMENT));
        story.advance(Duration.ofDays(2));
        ReturnForwardCommand back = story.returnForward(DEPARTMENT);
        // The moderator's fresh triage period, which the return's signer computed from the working-day calendar.
        accepted(
                back,
                evidence -> new ForwardReturned(
                        story.id(),
                        1,
                        DEPARTMENT_AGENCY,
                        back.reason(),
                        back.triageDueAt(),
                        DEPARTMENT,
                        back.at(),
                        evidence));
    }

    @Test
    void aReturnNeverShortensTheModeratorsTriageDeadline() {
        Instant original = story.triageDueAt();
        story.happened(story.forward());
        ReturnForwardCommand back = story.returnForward(DEPARTMENT);
        assertThat(back.triageDueAt()).isBefore(original);
        accepted(
                back,
                evidence -> new ForwardReturned(
                        story.id(), 1, DEPARTMENT_AGENCY, back.reason(), original, DEPARTMENT, back.at(), evidence));
    }

    @Test
    void returningWithoutAReasonIsRefused() {
        story.happened(story.forward());
        ReturnForwardCommand c = story.returnForward(DEPARTMENT);
        refused(
                new ReturnForwardCommand(c.dialogueId(), " ", c.triageDueAt(), c.actor(), c.at(), c.signed()),
                InvalidCommand.class);
    }

    @Test
    void anotherDepartmentCannotReturnTheForward() {
        story.happened(story.forward());
        refused(story.returnForward(OTHER_DEPARTMENT), ActorNotAuthorized.class);
    }

    @Test
    void theModeratorCannotReturnItsOwnForward() {
        story.happened(story.forward());
        refused(story.returnForward(MODERATOR), ActorNotAuthorized.class);
    }

    @Test
    void returningWithoutAnOpenForwardIsRefused() {
        refused(story.returnForward(DEPARTMENT), ActionNotAllowed.class);
    }

    @Test
    void afterAReturnTheModeratorForwardsAgainAsTheNextForward() {
        story.happened(story.forward(), story.returnForward(DEPARTMENT));
        ForwardDialogueCommand again = story.forward(MODERATOR, OTHER_DEPARTMENT_AGENCY);
        accepted(
                again,
                evidence -> new DialogueForwarded(
                        story.id(),
                        2,
                        OTHER_DEPARTMENT_AGENCY,
                        again.note(),
                        again.dueAt(),
                        MODERATOR,
                        again.at(),
                        evidence));
    }

    @Test
    void theReturnedDepartmentCanNoLongerAnswer() {
        story.happened(story.forward(), story.returnForward(DEPARTMENT));
        refused(story.answer(DEPARTMENT), ActorNotAuthorized.class);
    }

    @Test
    void theDepartmentRequestsAClarificationDuringTheForward() {
        story.happened(story.forward(), story.acknowledge(DEPARTMENT));
        accepted(story.requestClarification(DEPARTMENT));
    }

    @Test
    void theClarificationReturnsTheDialogueToTheOpenForward() {
        story.happened(story.forward(), story.requestClarification(DEPARTMENT));
        ProvideClarificationCommand provide = story.provideClarification(BUSINESS);
        accepted(
                provide,
                evidence -> new ClarificationProvided(
                        story.id(), provide.text(), DialogueStatus.FORWARDED, BUSINESS, provide.at(), evidence));
    }

    @Test
    void afterTheClarificationTheDepartmentAnswers() {
        story.happened(story.forward(), story.requestClarification(DEPARTMENT), story.provideClarification(BUSINESS));
        accepted(story.answer(DEPARTMENT));
    }

    @Test
    void theModeratorCannotRequestAClarificationWhileADepartmentHoldsTheForward() {
        story.happened(story.forward());
        refused(story.requestClarification(MODERATOR), ActorNotAuthorized.class, "forbidden");
    }

    @Test
    void returningTheForwardWhileAwaitingTheAskersClarificationIsRefused() {
        story.happened(story.forward(), story.requestClarification(DEPARTMENT));
        refused(story.returnForward(DEPARTMENT), ActionNotAllowed.class);
    }
}
