package vn.edialog.command.signature;

import java.util.Objects;

/** Thrown when a signature or envelope is refused; the message is an English human-readable detail. */
public class SignatureRefusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final RefusalReason reason;

    public SignatureRefusal(RefusalReason reason, String detail) {
        super(detail);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public SignatureRefusal(RefusalReason reason, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The refusal reason. */
    public RefusalReason reason() {
        return reason;
    }
}
