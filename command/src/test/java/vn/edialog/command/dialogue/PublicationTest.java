package vn.edialog.command.dialogue;

import static vn.edialog.command.dialogue.api.DialogueTestData.BUSINESS;
import static vn.edialog.command.dialogue.api.DialogueTestData.DEPARTMENT;
import static vn.edialog.command.dialogue.api.DialogueTestData.MODERATOR;

import org.junit.jupiter.api.Test;
import vn.edialog.command.dialogue.api.ActionNotAllowed;
import vn.edialog.command.dialogue.api.ActorNotAuthorized;
import vn.edialog.command.dialogue.api.CloseReason;
import vn.edialog.command.dialogue.api.InvalidCommand;
import vn.edialog.command.dialogue.api.KeepAnswerPrivateCommand;
import vn.edialog.command.dialogue.api.WithdrawPublicationCommand;

/** The moderator's publication decision on the latest answer: publish, publish redacted, keep private, withdraw. */
class PublicationTest extends DialogueTestBase {

    @Test
    void theAnswerOfADialogueClosedAfterItsRatingWindowCanStillBePublished() {
        story.happened(story.ask(), story.answer(MODERATOR), story.close(MODERATOR, CloseReason.ANSWERED));
        accepted(story.publish(MODERATOR));
    }

    @Test
    void aRedactedPublicationCarriesTheHashesOfTheOriginalSignedPayloads() {
        story.happened(story.ask(), story.forward(), story.answer(DEPARTMENT));
        accepted(story.publishRedacted(MODERATOR));
    }

    @Test
    void aRedactionNamingOtherOriginalsIsRefused() {
        story.happened(story.ask(), story.answer(MODERATOR));
        refused(story.publishRedacted(MODERATOR, "ab".repeat(32), "cd".repeat(32)), InvalidCommand.class);
    }

    @Test
    void withoutTheAskersConsentNothingIsPublished() {
        story.happened(story.ask(BUSINESS, false, false), story.answer(MODERATOR));
        refused(story.publish(MODERATOR), ActionNotAllowed.class, "not-allowed-in-state");
        refused(story.publishRedacted(MODERATOR), ActionNotAllowed.class);
    }

    @Test
    void keepingAnAnswerPrivateIsRecordedWithItsReasonAndEndsTheDecision() {
        story.happened(story.ask(), story.answer(MODERATOR));
        accepted(story.keepPrivate(MODERATOR));
        story.happened(story.keepPrivate(MODERATOR));
        refused(story.publish(MODERATOR), ActionNotAllowed.class);
    }

    @Test
    void keepingPrivateNeedsAReason() {
        story.happened(story.ask(), story.answer(MODERATOR));
        KeepAnswerPrivateCommand c = story.keepPrivate(MODERATOR);
        refused(new KeepAnswerPrivateCommand(c.dialogueId(), " ", c.actor(), c.at(), c.signed()), InvalidCommand.class);
    }

    @Test
    void onlyTheModeratorDecidesOnPublication() {
        story.happened(story.ask(), story.forward(), story.answer(DEPARTMENT));
        refused(story.keepPrivate(DEPARTMENT), ActorNotAuthorized.class, "forbidden");
        refused(story.publishRedacted(BUSINESS), ActorNotAuthorized.class);
    }

    @Test
    void aNewAnswerAfterAReopenCanBePublishedAgain() {
        story.happened(
                story.ask(),
                story.answer(MODERATOR),
                story.publish(MODERATOR),
                story.close(MODERATOR, CloseReason.ANSWERED),
                story.reopen(BUSINESS),
                story.answer(MODERATOR));
        accepted(story.publish(MODERATOR));
    }

    @Test
    void aReopenLeavesThePublishedAnswerDecided() {
        story.happened(
                story.ask(),
                story.answer(MODERATOR),
                story.publish(MODERATOR),
                story.close(MODERATOR, CloseReason.ANSWERED),
                story.reopen(BUSINESS));
        refused(story.publish(MODERATOR), ActionNotAllowed.class);
    }

    @Test
    void thePublishedAnswerIsWithdrawnWithAReason() {
        story.happened(story.ask(), story.answer(MODERATOR), story.publish(MODERATOR));
        accepted(story.withdraw(MODERATOR));
    }

    @Test
    void withdrawingWhatIsNotPublishedIsRefused() {
        story.happened(story.ask(), story.answer(MODERATOR), story.publish(MODERATOR), story.withdraw(MODERATOR));
        refused(story.withdraw(MODERATOR), ActionNotAllowed.class);
    }

    @Test
    void withdrawalNeedsAReasonAndTheModerator() {
        story.happened(story.ask(), story.answer(MODERATOR), story.publish(MODERATOR));
        WithdrawPublicationCommand c = story.withdraw(MODERATOR);
        refused(
                new WithdrawPublicationCommand(c.dialogueId(), "", c.actor(), c.at(), c.signed()),
                InvalidCommand.class);
        refused(story.withdraw(DEPARTMENT), ActorNotAuthorized.class);
    }
}
