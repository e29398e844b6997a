package vn.edialog.app.evidence;

import java.sql.Timestamp;
import java.util.Base64;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.edialog.command.dialogue.api.DialogueEvent;
import vn.edialog.command.timestamp.CadesSignatures;

/**
 * Records, for every stored event, that its signature awaits a time-stamp: one row per (dialogue, sequence), so that
 * a redelivered or replayed event records nothing twice. It never calls an authority itself: an authority that is down
 * must not hold up this processor, nor any accepted message ({@link TimeStampJob} stamps the rows).
 */
@Component
@ProcessingGroup(SignatureTimeStamps.PROCESSING_GROUP)
class SignatureTimeStamps {

    static final String PROCESSING_GROUP = "signature-timestamps";

    private final JdbcClient jdbc;

    SignatureTimeStamps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(DialogueEvent event, @SequenceNumber long sequence) {
        jdbc.sql(
                        """
                        insert into signature_timestamp (dialogue_id, sequence, signature_value, recorded_at)
                        values (:id, :seq, :value, :at)
                        on conflict (dialogue_id, sequence) do nothing
                        """)
                .param("id", event.dialogueId())
                .param("seq", sequence)
                .param(
                        "value",
                        CadesSignatures.signatureValue(Base64.getDecoder()
                                .decode(event.evidence().signed().signature())))
                .param("at", Timestamp.from(event.at()))
                .update();
    }
}
