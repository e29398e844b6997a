package vn.edialog.command.dialogue;

import static vn.edialog.command.dialogue.api.DialogueTestData.BUSINESS;
import static vn.edialog.command.dialogue.api.DialogueTestData.DEPARTMENT;
import static vn.edialog.command.dialogue.api.DialogueTestData.MODERATOR;
import static vn.edialog.command.dialogue.api.DialogueTestData.OTHER_BUSINESS;
import static vn.edialog.command.dialogue.api.DialogueTestData.SYSTEM;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.edialog.command.dialogue.api.ActionNotAllowed;
import vn.edialog.command.dialogue.api.ActorNotAuthorized;
import vn.edialog.command.dialogue.api.ClarificationProvided;
import vn.edialog.command.dialogue.api.CloseReason;
import vn.edialog.command.dialogue.api.DialogueStatus;
import vn.edialog.command.dialogue.api.InvalidCommand;
import vn.edialog.command.dialogue.api.ProvideClarificationCommand;
import vn.edialog.command.dialogue.api.RejectDialogueCommand;
import vn.edialog.command.dialogue.api.RequestClarificationCommand;

/** The moderator's triage: clarification, rejection; answering directly is in {@link AnsweringAndRatingTest}. */
class TriageTest extends DialogueTestBase {

    @BeforeEach
    void asked() {
        story.happened(story.ask());
    }

    @Test
    void theModeratorRequestsAClarificationInTriage() {
        accepted(story.requestClarification(MODERATOR));
    }

    @Test
    void theAskerProvidesTheClarificationAndTheDialogueReturnsToTriage() {
        story.happened(story.requestClarification(MODERATOR));
        ProvideClarificationCommand provide = story.provideClarification(BUSINESS);
        accepted(
                provide,
                evidence -> new ClarificationProvided(
                        story.id(), provide.text(), DialogueStatus.AWAITING_TRIAGE, BUSINESS, provide.at(), evidence));
    }

    @Test
    void afterTheClarificationTheModeratorCanForward() {
        story.happened(story.requestClarification(MODERATOR), story.provideClarification(BUSINESS));
        accepted(story.forward());
    }

    @Test
    void aDepartmentWithoutAForwardCannotRequestAClarification() {
        refused(story.requestClarification(DEPARTMENT), ActorNotAuthorized.class, "forbidden");
    }

    @Test
    void theAskerCannotRequestAClarification() {
        refused(story.requestClarification(BUSINESS), ActorNotAuthorized.class, "forbidden");
    }

    @Test
    void requestingASecondClarificationWhileOneIsPendingIsRefused() {
        story.happened(story.requestClarification(MODERATOR));
        refused(story.requestClarification(MODERATOR), ActionNotAllowed.class, "not-allowed-in-state");
    }

    @Test
    void aClarificationRequestWithABlankListIsRefused() {
        RequestClarificationCommand c = story.requestClarification(MODERATOR);
        refused(
                new RequestClarificationCommand(c.dialogueId(), " ", c.dueAt(), c.actor(), c.at(), c.signed()),
                InvalidCommand.class,
                "bad-payload");
    }

    @Test
    void aClarificationDueBeforeTheRequestIsRefused() {
        RequestClarificationCommand c = story.requestClarification(MODERATOR);
        refused(
                new RequestClarificationCommand(
                        c.dialogueId(), c.request(), c.at().minusSeconds(60), c.actor(), c.at(), c.signed()),
                InvalidCommand.class);
    }

    @Test
    void providingAClarificationThatWasNotRequestedIsRefused() {
        refused(story.provideClarification(BUSINESS), ActionNotAllowed.class);
    }

    @Test
    void anotherBusinessCannotProvideTheClarification() {
        story.happened(story.requestClarification(MODERATOR));
        refused(story.provideClarification(OTHER_BUSINESS), ActorNotAuthorized.class, "identity-mismatch");
    }

    @Test
    void anOfficialCannotProvideTheClarificationForTheAsker() {
        story.happened(story.requestClarification(MODERATOR));
        refused(story.provideClarification(MODERATOR), ActorNotAuthorized.class, "forbidden");
    }

    @Test
    void aBlankClarificationIsRefused() {
        story.happened(story.requestClarification(MODERATOR));
        ProvideClarificationCommand c = story.provideClarification(BUSINESS);
        refused(
                new ProvideClarificationCommand(c.dialogueId(), "", c.actor(), c.at(), c.signed()),
                InvalidCommand.class);
    }

    @Test
    void theModeratorRejectsADialogueInTriage() {
        accepted(story.reject(MODERATOR));
    }

    @Test
    void aDepartmentCannotReject() {
        refused(story.reject(DEPARTMENT), ActorNotAuthorized.class, "forbidden");
    }

    @Test
    void rejectingAForwardedDialogueIsRefused() {
        story.happened(story.forward());
        refused(story.reject(MODERATOR), ActionNotAllowed.class, "not-allowed-in-state");
    }

    @Test
    void rejectingWithoutAReasonCodeIsRefused() {
        RejectDialogueCommand c = story.reject(MODERATOR);
        refused(
                new RejectDialogueCommand(c.dialogueId(), null, c.reason(), c.actor(), c.at(), c.signed()),
                InvalidCommand.class);
    }

    @Test
    void rejectingWithABlankReasonIsRefused() {
        RejectDialogueCommand c = story.reject(MODERATOR);
        refused(
                new RejectDialogueCommand(c.dialogueId(), c.code(), "\t", c.actor(), c.at(), c.signed()),
                InvalidCommand.class);
    }

    @Test
    void aRejectedDialogueCannotBeAnswered() {
        story.happened(story.reject(MODERATOR));
        refused(story.answer(MODERATOR), ActionNotAllowed.class, "not-allowed-in-state");
    }

    @Test
    void aRejectedDialogueCannotBeForwardedEscalatedOrClosed() {
        story.happened(story.reject(MODERATOR));
        refused(story.forward(), ActionNotAllowed.class);
        refused(story.escalate("TRIAGE", 1), ActionNotAllowed.class);
        refused(story.close(SYSTEM, CloseReason.RATING_WINDOW_ELAPSED), ActionNotAllowed.class);
    }

    @Test
    void aRejectedDialogueCannotBeReopened() {
        story.happened(story.reject(MODERATOR));
        refused(story.reopen(BUSINESS), ActionNotAllowed.class, "not-allowed-in-state");
    }
}
