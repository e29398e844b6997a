package vn.edialog.command.dialogue;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import vn.edialog.command.dialogue.api.Actor;
import vn.edialog.command.dialogue.api.ActorKind;
import vn.edialog.command.dialogue.api.Attachment;
import vn.edialog.command.dialogue.api.InvalidCommand;
import vn.edialog.command.dialogue.api.SignedPayload;
import vn.edialog.command.dialogue.api.TextLimits;

/** Input checks shared by the command handlers; every failure is an {@link InvalidCommand} and stores nothing. */
final class Inputs {

    static final int CODE_MAX = TextLimits.CODE_MAX;
    static final int SUBJECT_MAX = TextLimits.SUBJECT_MAX;
    static final int TEXT_MAX = TextLimits.TEXT_MAX;
    static final int REASON_MAX = TextLimits.REASON_MAX;
    static final int ATTACHMENTS_MAX = 20;
    static final long ATTACHMENT_SIZE_MAX = 200L * 1024 * 1024;

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z]+/[a-z0-9][a-z0-9.+_-]*");
    private static final Pattern BUSINESS_ID = Pattern.compile("MST:\\d{10}(-\\d{3})?");
    private static final Pattern CITIZEN_ID = Pattern.compile("CCCD:\\d{12}|CMND:(\\d{9}|\\d{12})");

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private Inputs() {}

    /** The envelope fields every command carries: actor, time and the verified signed payload. */
    static void envelope(Actor actor, Instant at, SignedPayload signed) {
        actor(actor);
        if (at == null) {
            throw new InvalidCommand("at", "is required");
        }
        if (signed == null) {
            throw new InvalidCommand("signed", "is required");
        }
        if (signed.payload() == null && signed.payloadSha256() != null) {
            matches("signed.payloadSha256", signed.payloadSha256(), SHA256_HEX, "64 lowercase hex digits");
        } else {
            base64("signed.payload", signed.payload());
            if (signed.payloadSha256() != null) {
                throw new InvalidCommand("signed.payloadSha256", "only a sealed envelope (without its payload) has it");
            }
        }
        base64("signed.signature", signed.signature());
    }

    static void actor(Actor actor) {
        if (actor == null || actor.kind() == null) {
            throw new InvalidCommand("actor", "actor and its kind are required");
        }
        text("actor.id", actor.id(), TextLimits.ACTOR_ID_MAX);
        optionalText("actor.name", actor.name(), TextLimits.NAME_MAX);
        switch (actor.kind()) {
            case BUSINESS -> matches("actor.id", actor.id(), BUSINESS_ID, "MST:<10 digits>[-<3 digits>]");
            case CITIZEN -> matches("actor.id", actor.id(), CITIZEN_ID, "CCCD:<12 digits> or CMND:<9|12 digits>");
            case OFFICIAL -> code("actor.agency", actor.agency());
            case SYSTEM -> {
                if (actor.agency() != null) {
                    throw new InvalidCommand("actor.agency", "the system acts for no agency");
                }
            }
        }
    }

    static boolean isAsker(ActorKind kind) {
        return kind == ActorKind.BUSINESS || kind == ActorKind.CITIZEN;
    }

    static void text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidCommand(field, "must not be blank");
        }
        optionalText(field, value, max);
    }

    /** Optional text: may be null or empty, but not too long. */
    static void optionalText(String field, String value, int max) {
        if (value != null && TextLimits.length(value) > max) {
            throw new InvalidCommand(field, "longer than " + max + " characters");
        }
    }

    static void code(String field, String value) {
        text(field, value, CODE_MAX);
        matches(field, value, CODE, "lowercase letters, digits, '.', '_' or '-'");
    }

    static void required(String field, Object value) {
        if (value == null) {
            throw new InvalidCommand(field, "is required");
        }
    }

    /** A due date must lie strictly after the moment of the action. */
    static void after(String field, Instant due, Instant at) {
        required(field, due);
        if (!due.isAfter(at)) {
            throw new InvalidCommand(field, "must be after " + at);
        }
    }

    static void attachments(List<Attachment> attachments) {
        required("attachments", attachments);
        if (attachments.size() > ATTACHMENTS_MAX) {
            throw new InvalidCommand("attachments", "more than " + ATTACHMENTS_MAX);
        }
        for (int i = 0; i < attachments.size(); i++) {
            Attachment a = attachments.get(i);
            String field = "attachments[" + i + "]";
            required(field, a);
            text(field + ".name", a.name(), TextLimits.ATTACHMENT_NAME_MAX);
            required(field + ".mediaType", a.mediaType());
            matches(field + ".mediaType", a.mediaType(), MEDIA_TYPE, "a lowercase media type like image/png");
            if (a.size() <= 0 || a.size() > ATTACHMENT_SIZE_MAX) {
                throw new InvalidCommand(field + ".size", "must be between 1 and " + ATTACHMENT_SIZE_MAX + " bytes");
            }
            required(field + ".sha256", a.sha256());
            matches(field + ".sha256", a.sha256(), SHA256, "64 lowercase hex digits");
        }
    }

    private static void base64(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidCommand(field, "is required");
        }
        try {
            Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidCommand(field, "is not base64");
        }
    }

    private static void matches(String field, String value, Pattern pattern, String expected) {
        if (!pattern.matcher(value).matches()) {
            throw new InvalidCommand(field, "expected " + expected);
        }
    }
}
