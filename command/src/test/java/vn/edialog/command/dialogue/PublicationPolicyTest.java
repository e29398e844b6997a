package vn.edialog.command.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.edialog.command.dialogue.PublicationPolicy.Facts;

/** The publication rules, one by one and in their order. */
class PublicationPolicyTest {

    @Test
    void anAnsweredOpenConsentedUndecidedAnswerMayBeDecided() {
        assertThat(PublicationPolicy.broken(new Facts(true, false, true, false)))
                .isEmpty();
    }

    @Test
    void eachRuleRefusesAlone() {
        assertThat(PublicationPolicy.broken(new Facts(false, false, true, false)))
                .contains(PublicationPolicy.ANSWERED);
        assertThat(PublicationPolicy.broken(new Facts(true, true, true, false)))
                .contains(PublicationPolicy.NOT_CONFIDENTIAL);
        assertThat(PublicationPolicy.broken(new Facts(true, false, false, false)))
                .contains(PublicationPolicy.ASKER_AGREED);
        assertThat(PublicationPolicy.broken(new Facts(true, false, true, true)))
                .contains(PublicationPolicy.NOT_YET_DECIDED);
    }

    @Test
    void theFirstBrokenRuleInOrderIsTheReason() {
        assertThat(PublicationPolicy.broken(new Facts(false, true, false, true)))
                .contains(PublicationPolicy.ANSWERED);
        assertThat(PublicationPolicy.broken(new Facts(true, true, false, true)))
                .contains(PublicationPolicy.NOT_CONFIDENTIAL);
        assertThat(PublicationPolicy.NOT_CONFIDENTIAL.refusal())
                .isEqualTo("a confidential dialogue is never published");
    }
}
