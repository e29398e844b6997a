package vn.edialog.command.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.edialog.command.dialogue.api.DialogueTestData.BUSINESS;
import static vn.edialog.command.dialogue.api.DialogueTestData.DEPARTMENT;
import static vn.edialog.command.dialogue.api.DialogueTestData.DEPARTMENT_AGENCY;
import static vn.edialog.command.dialogue.api.DialogueTestData.MODERATOR;
import static vn.edialog.command.dialogue.api.DialogueTestData.OTHER_DEPARTMENT;
import static vn.edialog.command.dialogue.api.DialogueTestData.OTHER_DEPARTMENT_AGENCY;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.edialog.command.dialogue.api.ActionNotAllowed;
import vn.edialog.command.dialogue.api.ActorNotAuthorized;
import vn.edialog.command.dialogue.api.AnswerDialogueCommand;
import vn.edialog.command.dialogue.api.DeadlineExtended;
import vn.edialog.command.dialogue.api.DialogueAnswered;
import vn.edialog.command.dialogue.api.DialogueEscalated;
import vn.edialog.command.dialogue.api.EscalateDialogueCommand;
import vn.edialog.command.dialogue.api.ExtendDeadlineCommand;
import vn.edialog.command.dialogue.api.InvalidCommand;
import vn.edialog.command.dialogue.api.RefuseDeadlineExtensionCommand;

/** Deadline extensions (requested, approved or refused, never silent) and escalations of overdue steps. */
class DeadlineTest extends DialogueTestBase {

    @BeforeEach
    void asked() {
        story.happened(story.ask());
    }

    @Test
    void theDepartmentRequestsMoreTime() {
        story.happened(story.forward());
        accepted(story.requestExtension(DEPARTMENT));
    }

    @Test
    void requestingADueDateNotAfterTheCurrentOneIsRefused() {
        story.happened(story.forward());
        refused(story.requestExtension(DEPARTMENT, story.forwardDueAt()), InvalidCommand.class, "bad-payload");
    }

    @Test
    void aSecondRequestWhileOneIsPendingIsRefused() {
        story.happened(story.forward());
        story.happened(story.requestExtension(DEPARTMENT));
        refused(story.requestExtension(DEPARTMENT), ActionNotAllowed.class);
    }

    @Test
    void anotherDepartmentCannotRequestMoreTime() {
        story.happened(story.forward());
        refused(story.requestExtension(OTHER_DEPARTMENT), ActorNotAuthorized.class, "forbidden");
    }

    @Test
    void requestingMoreTimeWithoutAnOpenForwardIsRefused() {
        refused(
                story.requestExtension(DEPARTMENT, story.now().plus(Duration.ofDays(20))),
                ActionNotAllowed.class,
                "not-allowed-in-state");
    }

    @Test
    void theModeratorApprovesTheExtensionWithANewDueDate() {
        story.happened(story.forward());
        story.happened(story.requestExtension(DEPARTMENT));
        Instant previous = story.forwardDueAt();
        ExtendDeadlineCommand extend = story.extend(MODERATOR, previous.plus(Duration.ofDays(5)));
        accepted(
                extend,
                evidence -> new DeadlineExtended(
                        story.id(),
                        1,
                        DEPARTMENT_AGENCY,
                        previous,
                        previous.plus(Duration.ofDays(5)),
                        MODERATOR,
                        extend.at(),
                        evidence));
    }

    @Test
    void extendingWithoutAPendingRequestIsRefused() {
        story.happened(story.forward());
        refused(story.extend(MODERATOR, story.forwardDueAt().plus(Duration.ofDays(5))), ActionNotAllowed.class);
    }

    @Test
    void extendingToADueDateNotAfterTheCurrentOneIsRefused() {
        story.happened(story.forward());
        story.happened(story.requestExtension(DEPARTMENT));
        refused(story.extend(MODERATOR, story.forwardDueAt()), InvalidCommand.class);
    }

    @Test
    void theDepartmentCannotApproveItsOwnExtension() {
        story.happened(story.forward());
        story.happened(story.requestExtension(DEPARTMENT));
        refused(
                story.extend(DEPARTMENT, story.forwardDueAt().plus(Duration.ofDays(5))),
                ActorNotAuthorized.class,
                "forbidden");
    }

    @Test
    void theModeratorRefusesTheExtension() {
        story.happened(story.forward());
        story.happened(story.requestExtension(DEPARTMENT));
        accepted(story.refuseExtension(MODERATOR));
    }

    @Test
    void refusingWithoutAPendingRequestIsRefused() {
        story.happened(story.forward());
        refused(story.refuseExtension(MODERATOR), ActionNotAllowed.class);
    }

    @Test
    void refusingAnExtensionWithoutAReasonIsRefused() {
        story.happened(story.forward());
        story.happened(story.requestExtension(DEPARTMENT));
        RefuseDeadlineExtensionCommand c = story.refuseExtension(MODERATOR);
        refused(
                new RefuseDeadlineExtensionCommand(c.dialogueId(), "", c.actor(), c.at(), c.signed()),
                InvalidCommand.class);
    }

    @Test
    void afterARefusalTheDepartmentMayAskAgain() {
        story.happened(story.forward());
        story.happened(story.requestExtension(DEPARTMENT));
        story.happened(story.refuseExtension(MODERATOR));
        accepted(story.requestExtension(DEPARTMENT));
    }

    @Test
    void anExtendedForwardIsAnsweredOnTimeAgainstTheNewDueDate() {
        story.happened(story.forward());
        story.happened(story.requestExtension(DEPARTMENT));
        Instant extended = story.forwardDueAt().plus(Duration.ofDays(5));
        story.happened(story.extend(MODERATOR, extended));
        story.advance(Duration.ofDays(12));
        AnswerDialogueCommand answer = story.answer(DEPARTMENT);
        accepted(
                answer,
                evidence -> new DialogueAnswered(
                        story.id(),
                        answer.answer(),
                        DEPARTMENT_AGENCY,
                        true,
                        extended,
                        true,
                        DEPARTMENT,
                        answer.at(),
                        evidence));
    }

    @Test
    void theSystemEscalatesAnOverdueTriage() {
        story.advance(Duration.ofDays(4));
        accepted(story.escalate("TRIAGE", 1));
    }

    @Test
    void theSystemEscalatesAnOverdueAnswerNamingTheDepartment() {
        story.happened(story.forward());
        EscalateDialogueCommand escalate = story.escalate("ANSWER", 1);
        Object expected = story.then(escalate);
        assertThat(((DialogueEscalated) expected).responsibleAgency()).isEqualTo("skhdt");
        fixture.given(story.history()).when(escalate).expectEvents(expected);
    }

    @Test
    void escalationLevelsOfAStepStrictlyIncrease() {
        story.happened(story.escalate("TRIAGE", 1));
        refused(story.escalate("TRIAGE", 1), ActionNotAllowed.class);
        accepted(story.escalate("TRIAGE", 2));
    }

    @Test
    void eachStepCountsItsOwnLevels() {
        story.happened(story.escalate("TRIAGE", 2), story.forward());
        accepted(story.escalate("ANSWER", 1));
    }

    @Test
    void aNewForwardStartsItsAnswerLevelsAfresh() {
        story.happened(story.forward(), story.escalate("ANSWER", 1), story.returnForward(DEPARTMENT));
        story.happened(story.forward(MODERATOR, OTHER_DEPARTMENT_AGENCY));
        accepted(story.escalate("ANSWER", 1));
    }

    @Test
    void aPendingClarificationKeepsTheTriageOpenForEscalation() {
        story.happened(story.requestClarification(MODERATOR));
        accepted(story.escalate("TRIAGE", 1));
    }

    @Test
    void escalatingTheTriageOfAForwardedDialogueIsRefused() {
        story.happened(story.forward());
        refused(story.escalate("TRIAGE", 1), ActionNotAllowed.class, "not-allowed-in-state");
    }

    @Test
    void escalatingTheAnswerWithoutAnOpenForwardIsRefused() {
        refused(story.escalate("ANSWER", 1), ActionNotAllowed.class);
    }

    @Test
    void escalatingAnAnsweredDialogueIsRefused() {
        story.happened(story.answer(MODERATOR));
        refused(story.escalate("TRIAGE", 1), ActionNotAllowed.class);
    }

    @Test
    void onlyTheSystemEscalates() {
        refused(story.escalate(MODERATOR, "TRIAGE", 1), ActorNotAuthorized.class, "forbidden");
        refused(story.escalate(BUSINESS, "TRIAGE", 1), ActorNotAuthorized.class, "forbidden");
    }

    @Test
    void escalatingAnUnknownStepIsRefused() {
        // The step is typed: an unknown one is refused where its name is read (a signed payload, a process variable).
        assertThatThrownBy(() -> story.escalate("REVIEW", 1)).isInstanceOf(InvalidCommand.class);
    }

    @Test
    void escalatingToLevelZeroIsRefused() {
        refused(story.escalate("TRIAGE", 0), InvalidCommand.class);
    }

    @Test
    void escalatingBeforeTheDeadlinePassedIsRefused() {
        EscalateDialogueCommand c = story.escalate("TRIAGE", 1);
        refused(
                new EscalateDialogueCommand(
                        c.dialogueId(),
                        c.step(),
                        c.level(),
                        c.escalatedTo(),
                        c.at().plusSeconds(60),
                        c.actor(),
                        c.at(),
                        c.signed()),
                InvalidCommand.class);
    }
}
