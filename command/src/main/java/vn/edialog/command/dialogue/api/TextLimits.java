package vn.edialog.command.dialogue.api;

/**
 * The documented maximum of every text field of every payload and command, one constant per field for intake and the
 * aggregate alike. Lengths count characters as Unicode code points, as PostgreSQL counts a {@code varchar(n)}: an
 * emoji is one character, not two UTF-16 units. A value within these maxima must reach every column it is written to
 * (full, or shortened with "…" where only a display copy is kept).
 */
public final class TextLimits {

    /** Codes: tenant, topic, agency, tracking code. */
    public static final int CODE_MAX = 64;
    /** {@code actor.id}, and an escalation's target group. */
    public static final int ACTOR_ID_MAX = 128;
    /** {@code actor.name}: from the signer's certificate or the official's account, shortened to this at intake. */
    public static final int NAME_MAX = 300;
    /** An ask's {@code subject}. */
    public static final int SUBJECT_MAX = 300;
    /** An ask's {@code body}, a clarification's request and text, an answer. */
    public static final int TEXT_MAX = 20_000;
    /** A forward's note, the reasons to return, reject, ask or refuse an extension, a rating's comment. */
    public static final int REASON_MAX = 2_000;
    /** A reopening's {@code reason}. */
    public static final int REOPEN_REASON_MAX = 5_000;
    /** Each value of an ask's topic {@code form}. */
    public static final int FORM_VALUE_MAX = 1_000;
    /** An attachment's {@code name} and {@code mediaType}. */
    public static final int ATTACHMENT_NAME_MAX = 255;
    /** The asker's contact e-mail address (beside the signed payload, not in it). */
    public static final int EMAIL_MAX = 320;

    private TextLimits() {}

    /** The length of a text as these limits count it: its code points. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
