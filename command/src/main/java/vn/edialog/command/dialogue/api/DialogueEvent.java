package vn.edialog.command.dialogue.api;

import java.time.Instant;
import java.util.UUID;

/**
 * Every event of a dialogue: what the read models, the processes and the evidence checks may rely on. Each names its
 * dialogue, who acted and when, and carries the signed evidence linked into the dialogue's hash chain.
 */
public sealed interface DialogueEvent
        permits AnswerKeptPrivate,
                AnswerPublished,
                ClarificationProvided,
                ClarificationRequested,
                DeadlineExtended,
                DeadlineExtensionRefused,
                DeadlineExtensionRequested,
                DialogueAnswered,
                DialogueAsked,
                DialogueClosed,
                DialogueEscalated,
                DialogueForwarded,
                DialogueRejected,
                DialogueReopened,
                ForwardAcknowledged,
                ForwardReturned,
                PersonalDataErased,
                PublicationWithdrawn,
                SatisfactionRated {

    UUID dialogueId();

    Actor actor();

    Instant at();

    Evidence evidence();
}
