package vn.edialog.command.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.edialog.command.dialogue.api.DialogueTestData.BUSINESS;
import static vn.edialog.command.dialogue.api.DialogueTestData.DEPARTMENT;
import static vn.edialog.command.dialogue.api.DialogueTestData.MODERATOR;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.edialog.command.dialogue.api.AskDialogueCommand;
import vn.edialog.command.dialogue.api.CloseReason;
import vn.edialog.command.dialogue.api.DialogueAsked;
import vn.edialog.command.dialogue.api.Evidence;
import vn.edialog.command.dialogue.api.EvidenceChain;
import vn.edialog.command.dialogue.api.SignedPayload;

/** Every event links its signed payload to the previous event's hash, from GENESIS, as CONTRACTS.md specifies. */
class EvidenceChainTest extends DialogueTestBase {

    @Test
    void genesisIsSixtyFourZeros() {
        assertThat(EvidenceChain.GENESIS).hasSize(64).matches("0+");
    }

    @Test
    void theHashFollowsTheContractFormula() throws Exception {
        byte[] payload = "{\"type\":\"AskDialogue\"}".getBytes(StandardCharsets.UTF_8);
        byte[] signature = new byte[] {48, -126, 1, 2, 3};
        SignedPayload signed = new SignedPayload(
                Base64.getEncoder().encodeToString(payload), Base64.getEncoder().encodeToString(signature), List.of());
        String previous = "ab".repeat(32);
        HexFormat hex = HexFormat.of();
        String text = "edialog-chain-v1\n" + previous + "\n" + hex.formatHex(sha256(payload)) + "\n"
                + hex.formatHex(sha256(signature));

        Evidence evidence = EvidenceChain.link(previous, signed);

        assertThat(evidence.hash()).isEqualTo(hex.formatHex(sha256(text.getBytes(StandardCharsets.UTF_8))));
        assertThat(evidence.previousHash()).isEqualTo(previous);
        assertThat(evidence.signed()).isEqualTo(signed);
        assertThat(EvidenceChain.isIntact(evidence)).isTrue();
    }

    @Test
    void theAskedEventLinksFromGenesis() {
        AskDialogueCommand ask = story.ask();
        DialogueAsked asked = (DialogueAsked) story.then(ask);
        assertThat(asked.evidence().previousHash()).isEqualTo(EvidenceChain.GENESIS);
        assertThat(asked.evidence().hash()).isEqualTo(EvidenceChain.hash(EvidenceChain.GENESIS, ask.signed()));
        fixture.givenNoPriorActivity().when(ask).expectEvents(asked);
    }

    @Test
    void theAggregateChainsEachEventToTheOneItHandledBefore() {
        // Given commands (not events): the hashes the aggregate computed itself must carry on into the next event.
        var ask = story.ask();
        var forward = story.forward();
        var acknowledge = story.acknowledge(DEPARTMENT);
        var answer = story.answer(DEPARTMENT);
        story.happened(ask, forward, acknowledge, answer);
        var close = story.close(MODERATOR, CloseReason.ANSWERED);
        fixture.givenCommands(ask, forward, acknowledge, answer).when(close).expectEvents(story.then(close));
    }

    @Test
    void theStoredHistoryFormsAnUnbrokenChain() {
        story.happened(story.ask(), story.forward(), story.acknowledge(DEPARTMENT), story.answer(DEPARTMENT));
        story.happened(story.rate(BUSINESS, 5), story.close(MODERATOR, CloseReason.ANSWERED));
        String previous = EvidenceChain.GENESIS;
        for (Object event : story.history()) {
            Evidence evidence = evidenceOf(event);
            assertThat(evidence.previousHash()).isEqualTo(previous);
            assertThat(EvidenceChain.isIntact(evidence)).isTrue();
            previous = evidence.hash();
        }
    }

    @Test
    void aTamperedPayloadBreaksTheLink() {
        AskDialogueCommand ask = story.ask();
        Evidence evidence = ((DialogueAsked) story.then(ask)).evidence();
        SignedPayload tampered = new SignedPayload(
                Base64.getEncoder().encodeToString("{\"type\":\"Other\"}".getBytes(StandardCharsets.UTF_8)),
                evidence.signed().signature(),
                evidence.signed().chain());
        assertThat(EvidenceChain.isIntact(new Evidence(tampered, evidence.previousHash(), evidence.hash())))
                .isFalse();
    }

    @Test
    void aMalformedPreviousHashIsRejected() {
        SignedPayload signed = story.ask().signed();
        assertThatThrownBy(() -> EvidenceChain.hash("ABC", signed)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Evidence evidenceOf(Object event) {
        try {
            return (Evidence) event.getClass().getMethod("evidence").invoke(event);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(event + " has no evidence", e);
        }
    }

    private static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }
}
