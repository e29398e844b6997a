package vn.edialog.command.dialogue.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A confidential dialogue's content was erased: the keys of its encrypted payloads are destroyed, the payloads can no
 * longer be read by anyone; the signatures, the chain and the anchors, which cover only their digests, stay valid.
 */
@Revision("1")
public record PersonalDataErased(UUID dialogueId, String reason, Actor actor, Instant at, Evidence evidence)
        implements DialogueEvent {}
