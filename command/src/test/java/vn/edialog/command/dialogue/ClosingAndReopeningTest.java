package vn.edialog.command.dialogue;

import static vn.edialog.command.dialogue.api.DialogueTestData.BUSINESS;
import static vn.edialog.command.dialogue.api.DialogueTestData.DEPARTMENT;
import static vn.edialog.command.dialogue.api.DialogueTestData.MODERATOR;
import static vn.edialog.command.dialogue.api.DialogueTestData.OTHER_BUSINESS;
import static vn.edialog.command.dialogue.api.DialogueTestData.SYSTEM;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.edialog.command.dialogue.api.ActionNotAllowed;
import vn.edialog.command.dialogue.api.ActorNotAuthorized;
import vn.edialog.command.dialogue.api.CloseDialogueCommand;
import vn.edialog.command.dialogue.api.CloseReason;
import vn.edialog.command.dialogue.api.DialogueAlreadyClosed;
import vn.edialog.command.dialogue.api.DialogueReopened;
import vn.edialog.command.dialogue.api.DialogueStory;
import vn.edialog.command.dialogue.api.InvalidCommand;
import vn.edialog.command.dialogue.api.ReopenDialogueCommand;

/** Closing (by the moderator or the system, for a reason) and the asker's reopening within the window. */
class ClosingAndReopeningTest extends DialogueTestBase {

    @BeforeEach
    void asked() {
        story.happened(story.ask());
    }

    @Test
    void theModeratorClosesAnAnsweredDialogue() {
        story.happened(story.answer(MODERATOR));
        accepted(story.close(MODERATOR, CloseReason.ANSWERED));
    }

    @Test
    void theSystemClosesWhenTheRatingWindowElapses() {
        story.happened(story.forward(), story.answer(DEPARTMENT));
        story.advance(Duration.ofDays(10));
        accepted(story.close(SYSTEM, CloseReason.RATING_WINDOW_ELAPSED));
    }

    @Test
    void theSystemClosesWhenTheClarificationTimesOut() {
        story.happened(story.requestClarification(MODERATOR));
        story.advance(DialogueStory.CLARIFICATION_TIME);
        accepted(story.close(SYSTEM, CloseReason.CLARIFICATION_TIMEOUT));
    }

    @Test
    void aClarificationTimeoutDuringAForwardClosesToo() {
        story.happened(story.forward(), story.requestClarification(DEPARTMENT));
        accepted(story.close(SYSTEM, CloseReason.CLARIFICATION_TIMEOUT));
    }

    @Test
    void closingAnUnansweredDialogueIsRefused() {
        refused(story.close(MODERATOR, CloseReason.ANSWERED), ActionNotAllowed.class, "not-allowed-in-state");
    }

    @Test
    void closingForAClarificationTimeoutWithoutAPendingClarificationIsRefused() {
        story.happened(story.answer(MODERATOR));
        refused(story.close(SYSTEM, CloseReason.CLARIFICATION_TIMEOUT), ActionNotAllowed.class);
    }

    @Test
    void onlyTheSystemClosesForAnElapsedWindow() {
        story.happened(story.answer(MODERATOR));
        refused(story.close(MODERATOR, CloseReason.RATING_WINDOW_ELAPSED), ActorNotAuthorized.class, "forbidden");
    }

    @Test
    void onlyTheModeratorClosesAsAnswered() {
        story.happened(story.answer(MODERATOR));
        refused(story.close(SYSTEM, CloseReason.ANSWERED), ActorNotAuthorized.class, "forbidden");
        refused(story.close(DEPARTMENT, CloseReason.ANSWERED), ActorNotAuthorized.class, "forbidden");
        refused(story.close(BUSINESS, CloseReason.ANSWERED), ActorNotAuthorized.class, "forbidden");
    }

    @Test
    void closingWithoutAReasonOrWithAWindowInThePastIsRefused() {
        story.happened(story.answer(MODERATOR));
        CloseDialogueCommand c = story.close(MODERATOR, CloseReason.ANSWERED);
        refused(
                new CloseDialogueCommand(c.dialogueId(), null, c.reopenableUntil(), c.actor(), c.at(), c.signed()),
                InvalidCommand.class);
        refused(
                new CloseDialogueCommand(
                        c.dialogueId(), c.reason(), c.at().minusSeconds(1), c.actor(), c.at(), c.signed()),
                InvalidCommand.class,
                "bad-payload");
    }

    @Test
    void nothingButAReopenOrThePublicationDecisionIsAllowedOnAClosedDialogue() {
        story.happened(story.answer(MODERATOR), story.close(MODERATOR, CloseReason.ANSWERED));
        refused(story.answer(MODERATOR), DialogueAlreadyClosed.class, "not-allowed-in-state");
        refused(story.forward(), DialogueAlreadyClosed.class);
        refused(story.rate(BUSINESS, 5), DialogueAlreadyClosed.class);
        refused(story.requestClarification(MODERATOR), DialogueAlreadyClosed.class);
        refused(story.escalate("TRIAGE", 1), DialogueAlreadyClosed.class);
        refused(story.close(SYSTEM, CloseReason.RATING_WINDOW_ELAPSED), DialogueAlreadyClosed.class);
    }

    @Test
    void theAskerReopensAClosedDialogueWithinTheWindow() {
        story.happened(story.answer(MODERATOR), story.close(MODERATOR, CloseReason.ANSWERED));
        story.advance(Duration.ofDays(7));
        ReopenDialogueCommand reopen = story.reopen(BUSINESS);
        accepted(
                reopen,
                evidence -> new DialogueReopened(
                        story.id(), reopen.reason(), reopen.triageDueAt(), BUSINESS, reopen.at(), evidence));
    }

    @Test
    void reopeningAtTheLastMomentOfTheWindowIsAllowed() {
        story.happened(story.answer(MODERATOR), story.close(MODERATOR, CloseReason.ANSWERED));
        story.advance(DialogueStory.REOPEN_WINDOW.minusHours(1));
        accepted(story.reopen(BUSINESS));
    }

    @Test
    void reopeningAfterTheWindowIsRefused() {
        story.happened(story.answer(MODERATOR), story.close(MODERATOR, CloseReason.ANSWERED));
        story.advance(DialogueStory.REOPEN_WINDOW);
        refused(story.reopen(BUSINESS), DialogueAlreadyClosed.class, "not-allowed-in-state");
    }

    @Test
    void aReopenedDialogueIsTriagedAgain() {
        story.happened(story.answer(MODERATOR), story.close(MODERATOR, CloseReason.ANSWERED));
        story.happened(story.reopen(BUSINESS));
        accepted(story.forward());
    }

    @Test
    void aReopenedDialogueStartsItsTriageEscalationsAfresh() {
        story.happened(story.escalate("TRIAGE", 1), story.answer(MODERATOR));
        story.happened(story.close(MODERATOR, CloseReason.ANSWERED), story.reopen(BUSINESS));
        accepted(story.escalate("TRIAGE", 1));
    }

    @Test
    void anotherBusinessCannotReopen() {
        story.happened(story.answer(MODERATOR), story.close(MODERATOR, CloseReason.ANSWERED));
        refused(story.reopen(OTHER_BUSINESS), ActorNotAuthorized.class, "identity-mismatch");
    }

    @Test
    void theModeratorCannotReopen() {
        story.happened(story.answer(MODERATOR), story.close(MODERATOR, CloseReason.ANSWERED));
        refused(story.reopen(MODERATOR), ActorNotAuthorized.class, "forbidden");
    }

    @Test
    void reopeningAnOpenDialogueIsRefused() {
        story.happened(story.answer(MODERATOR));
        refused(story.reopen(BUSINESS), ActionNotAllowed.class, "not-allowed-in-state");
    }

    @Test
    void reopeningWithoutAReasonOrAFutureTriageDueDateIsRefused() {
        story.happened(story.answer(MODERATOR), story.close(MODERATOR, CloseReason.ANSWERED));
        ReopenDialogueCommand c = story.reopen(BUSINESS);
        refused(
                new ReopenDialogueCommand(c.dialogueId(), "", c.triageDueAt(), c.actor(), c.at(), c.signed()),
                InvalidCommand.class);
        refused(
                new ReopenDialogueCommand(c.dialogueId(), c.reason(), c.at(), c.actor(), c.at(), c.signed()),
                InvalidCommand.class);
    }
}
