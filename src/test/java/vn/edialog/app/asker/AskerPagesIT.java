package vn.edialog.app.asker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.edialog.app.access.Official;
import vn.edialog.app.submission.GovernmentActions;
import vn.edialog.app.support.Api;
import vn.edialog.app.support.EDialogIntegrationTest;
import vn.edialog.app.support.Envelopes;
import vn.edialog.app.support.SignIn;
import vn.edialog.command.dialogue.api.CloseReason;
import vn.edialog.command.pki.TestPki;

/** The askers' pages at HTTP level: each asker sees his own dialogues only, and the topic forms to sign. */
@EDialogIntegrationTest
class AskerPagesIT {

    @LocalServerPort
    int port;

    private final TestPki pki = TestPki.shared();

    @Test
    void anAskerSeesHisOwnDialoguesAndNobodyElses() {
        UUID mine = UUID.randomUUID();
        UUID theirs = UUID.randomUUID();
        Api anonymous = new Api(port);
        assertThat(anonymous
                        .post("/api/v1/dialogues", Envelopes.signed(pki.business(), Envelopes.ask(mine)))
                        .status())
                .isEqualTo(201);
        assertThat(anonymous
                        .post(
                                "/api/v1/dialogues",
                                Envelopes.signed(
                                        pki.citizen(),
                                        Envelopes.ask(theirs).put("subject", "Câu hỏi của công dân khác")))
                        .status())
                .isEqualTo(201);

        Api business = new Api(port);
        SignIn.asker(business, pki.business(), "demo");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(business.get("/my/dialogues").body())
                        .contains("Thủ tục thay đổi địa chỉ trụ sở chính"));
        String page = business.get("/my/dialogues").body();
        assertThat(page).contains("Chờ tiếp nhận").doesNotContain("Câu hỏi của công dân khác");
        assertThat(business.get("/my/dialogues?status=ANSWERED").body())
                .doesNotContain("Thủ tục thay đổi địa chỉ trụ sở chính");
        assertThat(business.get("/my/dialogues?status=NOPE").status()).isEqualTo(400);
        Api.Response pastLast = business.get("/my/dialogues?status=ANSWERED&page=3");
        assertThat(pastLast.status()).isEqualTo(302);
        assertThat(pastLast.header("Location")).endsWith("/my/dialogues?status=ANSWERED&page=0");
        assertThat(business.get("/my/dialogues?lang=en").body())
                .contains("My dialogues")
                .contains("Awaiting triage");
    }

    @Test
    void theComposePageOffersTheProvincesTopicsAndEachTopicsForm() {
        Api business = new Api(port);
        SignIn.asker(business, pki.business(), "demo");

        Api.Response topics = business.get("/my/dialogues/new");
        assertThat(topics.status()).isEqualTo(200);
        assertThat(topics.body()).contains("Thủ tục thuế").contains("topic=thu-tuc-thue");

        Api.Response form = business.get("/my/dialogues/new?topic=thu-tuc-thue");
        assertThat(form.body())
                .contains("data-signed-form=\"ask\"")
                .contains("data-form-field=\"maSoThue\"")
                .contains("data-topic=\"thu-tuc-thue\"")
                .contains("type=\"file\"");
        assertThat(business.get("/my/dialogues/new?topic=nope").status()).isEqualTo(404);
    }

    @Autowired
    GovernmentActions government;

    @Test
    void theDialoguePageShowsTheSignedMessagesTheReceiptsAndTheRatingFormOnceAnswered() throws Exception {
        UUID id = UUID.randomUUID();
        assertThat(new Api(port)
                        .post("/api/v1/dialogues", Envelopes.signed(pki.business(), Envelopes.ask(id)))
                        .status())
                .isEqualTo(201);
        Api business = new Api(port);
        SignIn.asker(business, pki.business(), "demo");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() ->
                        assertThat(business.get("/my/dialogues/" + id).status()).isEqualTo(200));
        government.answer(
                id,
                new Official("asker.moderator", "Cán bộ UBND", "demo", "ubnd"),
                "Hồ sơ nộp tại Sở Kế hoạch và Đầu tư, thời hạn 3 ngày làm việc.");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                        business.get("/my/dialogues/" + id).body())
                .contains("Hồ sơ nộp tại Sở Kế hoạch và Đầu tư"));

        String page = business.get("/my/dialogues/" + id).body();
        assertThat(page)
                .contains("Thủ tục thay đổi địa chỉ trụ sở chính")
                .contains("Công ty chúng tôi chuyển trụ sở sang huyện khác")
                .contains("Đã trả lời")
                .contains("data-signed-form=\"rate\"")
                .doesNotContain("data-signed-form=\"clarify\"")
                .contains("/my/dialogues/" + id + "/receipts/");

        Api.Response receipt = business.get("/my/dialogues/" + id + "/receipts/0");
        assertThat(receipt.status()).isEqualTo(200);
        JsonNode statement = Envelopes.JSON.readTree(
                Base64.getDecoder().decode(receipt.json().path("payload").asText()));
        assertThat(statement.path("type").asText()).isEqualTo("receipt");
        assertThat(statement.path("dialogueId").asText()).isEqualTo(id.toString());
        assertThat(statement.path("commandType").asText()).isEqualTo("ask");

        Api.Response signedBytes = business.get("/my/dialogues/" + id + "/events/0/payload");
        assertThat(signedBytes.status()).isEqualTo(200);
        assertThat(signedBytes.body()).contains("\"type\":\"ask\"");
        assertThat(business.get("/my/dialogues/" + id + "/events/0/signature.p7s")
                        .status())
                .isEqualTo(200);
        assertThat(page).contains("Đã xác thực");

        Api citizen = new Api(port);
        SignIn.asker(citizen, pki.citizen(), "demo");
        assertThat(citizen.get("/my/dialogues/" + id).status())
                .as("another asker's dialogue is not found")
                .isEqualTo(404);
        assertThat(citizen.get("/my/dialogues/" + id + "/receipts/0").status()).isEqualTo(404);
        assertThat(citizen.get("/my/dialogues/" + id + "/events/0/payload").status())
                .isEqualTo(404);
        assertThat(business.get("/my/dialogues/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void theClarificationFormAppearsWhenAskedAndTheReopenFormOnceClosed() {
        UUID id = UUID.randomUUID();
        new Api(port).post("/api/v1/dialogues", Envelopes.signed(pki.business(), Envelopes.ask(id)));
        Api business = new Api(port);
        SignIn.asker(business, pki.business(), "demo");
        Official moderator = new Official("asker.moderator2", "Cán bộ UBND", "demo", "ubnd");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> business.get("/my/dialogues/" + id).status() == 200);

        government.requestClarification(
                id,
                moderator,
                "Đề nghị cho biết địa chỉ trụ sở mới.",
                Instant.now().plus(Duration.ofDays(5)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                        business.get("/my/dialogues/" + id).body())
                .contains("Đề nghị cho biết địa chỉ trụ sở mới.")
                .contains("data-signed-form=\"clarify\"")
                .contains("Chờ bổ sung"));
        String clarifyForm = business.get("/my/dialogues/" + id).body();
        assertThat(clarifyForm.substring(
                        clarifyForm.indexOf("id=\"clarify-heading\""), clarifyForm.indexOf("id=\"clarify\"")))
                .as("the clarification form says what was asked")
                .contains("Nội dung cơ quan xử lý đề nghị bổ sung:")
                .contains("Đề nghị cho biết địa chỉ trụ sở mới.");
        assertThat(business.get("/my/dialogues").body()).contains("Cần bạn bổ sung");

        assertThat(new Api(port)
                        .post(
                                "/api/v1/dialogues/" + id + "/clarifications",
                                Envelopes.signed(
                                        pki.business(),
                                        Envelopes.base("clarify", id).put("text", "Số 5 đường Lê Lợi, huyện Mới.")))
                        .status())
                .isEqualTo(201);
        government.answer(id, moderator, "Hồ sơ nộp tại bộ phận một cửa của Sở.");
        government.close(id, moderator, CloseReason.ANSWERED, Instant.now().plus(Duration.ofDays(30)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                        business.get("/my/dialogues/" + id).body())
                .contains("data-signed-form=\"reopen\"")
                .contains("Số 5 đường Lê Lợi, huyện Mới.")
                .doesNotContain("data-signed-form=\"clarify\""));
    }

    @Test
    void onlySignedInAskersReachTheirPages() {
        Api.Response anonymous = new Api(port).get("/my/dialogues");
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.header("Location")).endsWith("/sign-in");
    }
}
