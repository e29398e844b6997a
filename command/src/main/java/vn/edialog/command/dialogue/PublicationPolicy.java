package vn.edialog.command.dialogue;

import java.util.Arrays;
import java.util.Optional;

/**
 * When the moderator may decide whether the latest answer goes on the portal (publish, publish redacted, keep
 * private): each rule named, checked in this order, the first one broken refusing with its reason. The lifecycle
 * (a rejected dialogue is final) and the acting party (the moderator) are checked before.
 */
enum PublicationPolicy {
    ANSWERED("the dialogue has no answer yet") {
        @Override
        boolean allows(Facts facts) {
            return facts.answered();
        }
    },
    NOT_CONFIDENTIAL("a confidential dialogue is never published") {
        @Override
        boolean allows(Facts facts) {
            return !facts.confidential();
        }
    },
    ASKER_AGREED("the asker did not agree to publication") {
        @Override
        boolean allows(Facts facts) {
            return facts.askerAgreed();
        }
    },
    NOT_YET_DECIDED("publication of the latest answer is already decided") {
        @Override
        boolean allows(Facts facts) {
            return !facts.decided();
        }
    };

    /** What the rules look at, as the dialogue's events recorded it. */
    record Facts(boolean answered, boolean confidential, boolean askerAgreed, boolean decided) {}

    private final String refusal;

    PublicationPolicy(String refusal) {
        this.refusal = refusal;
    }

    abstract boolean allows(Facts facts);

    /** Why the decision is refused. */
    String refusal() {
        return refusal;
    }

    /** The first rule the facts break, if any. */
    static Optional<PublicationPolicy> broken(Facts facts) {
        return Arrays.stream(values()).filter(rule -> !rule.allows(facts)).findFirst();
    }
}
