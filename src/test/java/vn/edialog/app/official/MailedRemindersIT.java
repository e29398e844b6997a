package vn.edialog.app.official;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.edialog.app.access.OfficialRole;
import vn.edialog.app.support.Api;
import vn.edialog.app.support.EDialogIntegrationTest;
import vn.edialog.app.support.Envelopes;
import vn.edialog.app.support.TestMail;
import vn.edialog.app.support.TestOfficials;
import vn.edialog.command.dialogue.api.EscalationStep;
import vn.edialog.command.pki.TestPki;
import vn.edialog.processes.dialogue.DialogueReminders;

/** The reminders the process's timers send go by mail to the officials of the group holding the step. */
@EDialogIntegrationTest
class MailedRemindersIT {

    @LocalServerPort
    int port;

    @Autowired
    DialogueReminders reminders;

    @Autowired
    IdentityService identity;

    GreenMail smtp = TestMail.server();

    @Test
    void aReminderReachesTheGroupsOfficialsWithAnAddressInLocalTimeAndStepNames() throws Exception {
        UUID id = UUID.randomUUID();
        Api.Response asked = new Api(port)
                .post("/api/v1/dialogues", Envelopes.signed(TestPki.shared().business(), Envelopes.ask(id)));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        String code = asked.json().path("trackingCode").asText();
        String group = OfficialRole.OFFICERS.groupId("demo", "stnmt");
        TestOfficials.ensure(identity, "stnmt.reminded", group, "secret");
        var official = identity.createUserQuery().userId("stnmt.reminded").singleResult();
        official.setEmail("chuyenvien@stnmt.demo.invalid");
        identity.saveUser(official);

        reminders.remind(id, EscalationStep.ANSWER, group, Instant.parse("2026-12-24T10:00:00Z"));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo("chuyenvien@stnmt.demo.invalid", code).size() == 1);
        String body =
                (String) mailsTo("chuyenvien@stnmt.demo.invalid", code).get(0).getContent();
        assertThat(body)
                .contains("24/12/2026 17:00 (giờ Việt Nam)")
                .contains("trả lời / answer")
                .doesNotContain("2026-12-24T10:00:00Z")
                .doesNotContain("ANSWER");
    }

    private List<MimeMessage> mailsTo(String address, String text) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> {
                    try {
                        return message.getRecipients(Message.RecipientType.TO)[0]
                                        .toString()
                                        .equals(address)
                                && message.getSubject().contains(text);
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }
}
