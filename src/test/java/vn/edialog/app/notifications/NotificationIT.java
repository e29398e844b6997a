package vn.edialog.app.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.edialog.app.access.Official;
import vn.edialog.app.access.OfficialRole;
import vn.edialog.app.submission.GovernmentActions;
import vn.edialog.app.support.Api;
import vn.edialog.app.support.EDialogIntegrationTest;
import vn.edialog.app.support.Envelopes;
import vn.edialog.app.support.TestMail;
import vn.edialog.command.pki.TestPki;

/** Mails through a real SMTP server (GreenMail): one per event and recipient, never again on a replay. */
@EDialogIntegrationTest
class NotificationIT {

    private static final Official MODERATOR = new Official("nguyen.van.a", "Nguyễn Văn A", "demo", "ubnd");
    private static final Official DEPARTMENT = new Official("tran.thi.b", "Trần Thị B", "demo", "stttt");

    @LocalServerPort
    int port;

    @Autowired
    GovernmentActions government;

    @Autowired
    IdentityService identity;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    GreenMail smtp = TestMail.server();

    @BeforeEach
    void departmentOfficerWithAnAddress() {
        String group = OfficialRole.OFFICERS.groupId("demo", "stttt");
        if (identity.createGroupQuery().groupId(group).count() == 0) {
            identity.saveGroup(identity.newGroup(group));
        }
        if (identity.createUserQuery().userId("stttt.mail").count() == 0) {
            var user = identity.newUser("stttt.mail");
            user.setEmail("chuyenvien@stttt.demo.invalid");
            identity.saveUser(user);
            identity.createMembership("stttt.mail", group);
        }
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

    @Test
    void theDepartmentHearsOfAForwardAndTheAskerOfTheAnswerOnceEvenAfterAReplay() throws Exception {
        UUID id = UUID.randomUUID();
        // The contact travels beside the signed envelope, not inside it.
        var envelope = (com.fasterxml.jackson.databind.node.ObjectNode)
                Envelopes.JSON.readTree(Envelopes.signed(TestPki.shared().business(), Envelopes.ask(id)));
        envelope.putObject("contact").put("email", "giamdoc@hoanglong.demo.invalid");
        Api.Response asked = new Api(port).post("/api/v1/dialogues", envelope.toString());
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        String code = asked.json().path("trackingCode").asText();

        government.forward(
                id, MODERATOR, "stttt", "Đề nghị Sở trả lời", Instant.now().plus(10, ChronoUnit.DAYS));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo("chuyenvien@stttt.demo.invalid", code).size() == 1);
        String forwarded =
                (String) mailsTo("chuyenvien@stttt.demo.invalid", code).get(0).getContent();
        assertThat(forwarded)
                .as("names and local times, not codes and UTC")
                .contains("Sở Thông tin và Truyền thông")
                .containsPattern("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2} \\(giờ Việt Nam\\)")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T");

        government.answer(id, DEPARTMENT, "Thủ tục được thực hiện trực tuyến.");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo("giamdoc@hoanglong.demo.invalid", code).size() == 1);
        MimeMessage answer = mailsTo("giamdoc@hoanglong.demo.invalid", code).get(0);
        assertThat(answer.getSubject()).contains("đã được trả lời");
        assertThat((String) answer.getContent()).contains("Thủ tục được thực hiện trực tuyến.");

        long queued = outboxSize();
        StreamingEventProcessor processor = processing
                .eventProcessor(NotificationPolicy.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        long head = jdbc.sql("select max(globalindex) from domainevententry")
                .query(Long.class)
                .single();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !processor.processingStatus().isEmpty()
                        && processor.processingStatus().values().stream()
                                .allMatch(status -> status.getCurrentPosition().orElse(-1) >= head));
        assertThat(outboxSize()).as("the replay queued nothing").isEqualTo(queued);
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> mailsTo("chuyenvien@stttt.demo.invalid", code).size() == 1);
        assertThat(mailsTo("giamdoc@hoanglong.demo.invalid", code)).hasSize(1);
    }

    @Test
    void aMalformedContactAddressIsRefusedAndStoresNothing() throws Exception {
        var envelope = (com.fasterxml.jackson.databind.node.ObjectNode) Envelopes.JSON.readTree(
                Envelopes.signed(TestPki.shared().business(), Envelopes.ask(UUID.randomUUID())));
        envelope.putObject("contact").put("email", "not an address");
        long events = jdbc.sql("select count(*) from domainevententry")
                .query(Long.class)
                .single();
        Api.Response response = new Api(port).post("/api/v1/dialogues", envelope.toString());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.problemType()).isEqualTo("urn:edialog:problem:bad-payload");
        assertThat(jdbc.sql("select count(*) from domainevententry")
                        .query(Long.class)
                        .single())
                .isEqualTo(events);
    }

    private long outboxSize() {
        return jdbc.sql("select count(*) from mail_outbox").query(Long.class).single();
    }
}
