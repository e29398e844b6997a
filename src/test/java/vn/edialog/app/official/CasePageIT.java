package vn.edialog.app.official;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.edialog.app.access.Official;
import vn.edialog.app.access.OfficialRole;
import vn.edialog.app.submission.GovernmentActions;
import vn.edialog.app.support.Api;
import vn.edialog.app.support.EDialogIntegrationTest;
import vn.edialog.app.support.Envelopes;
import vn.edialog.app.support.SignIn;
import vn.edialog.app.support.TestOfficials;
import vn.edialog.command.pki.TestPki;
import vn.edialog.command.signature.CmsSignatureVerifier;
import vn.edialog.command.signature.VerificationContext;

/**
 * The case page linked from Tasklist tasks: the dialogue's facts and the full signed timeline, for the officials of the
 * agencies involved only, signed in by the form or by HTTP Basic.
 */
@EDialogIntegrationTest
class CasePageIT {

    private static final String BUSINESS_NAME = "Công ty TNHH Thương mại Hoàng Long";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    GovernmentActions government;

    private void official(String id, String group) {
        TestOfficials.ensure(identity, id, group, "secret");
    }

    /** The page with HTTP Basic ({@code user} null: anonymous). */
    private Api.Response basic(String user, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString((user + ":secret").getBytes(StandardCharsets.UTF_8)));
        }
        return new Api(port).send(request.GET().build());
    }

    private UUID forwardedDialogue(boolean confidential) {
        UUID id = UUID.randomUUID();
        assertThat(new Api(port)
                        .post(
                                "/api/v1/dialogues",
                                Envelopes.signed(
                                        TestPki.shared().business(),
                                        Envelopes.ask(id).put("confidential", confidential)))
                        .status())
                .isEqualTo(201);
        government.forward(
                id,
                new Official("case.moderator", "Cán bộ UBND", "demo", "ubnd"),
                "skhdt",
                "Chuyển Sở KH&ĐT trả lời về địa chỉ trụ sở",
                Instant.now().plus(10, ChronoUnit.DAYS));
        return id;
    }

    @Test
    void theOfficialsOfTheAgenciesInvolvedSeeTheSignedTimelineAndNobodyElse() throws Exception {
        official("case.moderator", OfficialRole.MODERATORS.groupId("demo", "ubnd"));
        official("case.department", OfficialRole.OFFICERS.groupId("demo", "skhdt"));
        official("case.outsider", OfficialRole.OFFICERS.groupId("demo", "stnmt"));
        UUID id = forwardedDialogue(false);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> basic("case.department", "/cases/" + id).body().contains("2 sự kiện đã ký số"));
        Api.Response moderator = basic("case.moderator", "/cases/" + id);
        assertThat(moderator.status()).isEqualTo(200);
        assertThat(moderator.contentType()).startsWith("text/html");
        assertThat(moderator.body())
                .contains("Thủ tục thay đổi địa chỉ trụ sở chính")
                .contains("Công ty chúng tôi chuyển trụ sở sang huyện khác trong tỉnh")
                .contains("Đã chuyển xử lý")
                .contains("Sở Kế hoạch và Đầu tư")
                .contains("Hạn trả lời")
                .contains("DEMO-")
                .contains("Gửi câu hỏi")
                .contains("Chuyển cơ quan chuyên môn xử lý")
                .contains(BUSINESS_NAME + " (MST:" + TestPki.BUSINESS_MST + ")")
                .contains("Cán bộ UBND, thay mặt Ủy ban nhân dân tỉnh Demo")
                .contains("Chuyển Sở KH&amp;ĐT trả lời về địa chỉ trụ sở")
                // The event's summary names the department as the province does, not by its code.
                .contains("Chuyển lần 1 đến Sở Kế hoạch và Đầu tư, hạn")
                .contains("eDialog Public CA")
                .contains("Cả 2 sự kiện đã xác thực")
                .contains("Liên kết đúng với thông điệp trước")
                .doesNotContain("Không xác thực được")
                .doesNotContain("Hồ sơ mật.");
        assertThat(basic("case.moderator", "/cases/" + id + "?lang=en").body())
                .contains("2 signed events")
                .contains("Cán bộ UBND, on behalf of the People&#39;s Committee of Demo Province")
                .contains("Forwarded to the competent department")
                .contains("Forward 1 to Department of Planning and Investment, due");

        HttpResponse<byte[]> payload = bytes("case.department", "/cases/" + id + "/events/0/payload");
        HttpResponse<byte[]> signature = bytes("case.department", "/cases/" + id + "/events/0/signature.p7s");
        assertThat(payload.statusCode()).isEqualTo(200);
        assertThat(signature.statusCode()).isEqualTo(200);
        var verified = new CmsSignatureVerifier()
                .verify(
                        signature.body(),
                        Optional.of(payload.body()),
                        VerificationContext.of(Set.of(TestPki.shared().trustAnchor()), Instant.now()));
        assertThat(verified.valid()).as(verified.detail()).isTrue();
        assertThat(new String(payload.body(), StandardCharsets.UTF_8)).contains("\"type\":\"ask\"");

        Api.Response anonymous = basic(null, "/cases/" + id);
        assertThat(anonymous.status())
                .as("a browser is sent to the sign-in page")
                .isEqualTo(302);
        assertThat(anonymous.header("Location")).endsWith("/sign-in");
        Api.Response outsider = basic("case.outsider", "/cases/" + id);
        assertThat(outsider.status()).as("an agency not involved").isEqualTo(404);
        assertThat(outsider.contentType()).startsWith("text/html");
        assertThat(outsider.body()).contains("Không tìm thấy").doesNotContain(BUSINESS_NAME);
        assertThat(bytes("case.outsider", "/cases/" + id + "/events/0/payload").statusCode())
                .isEqualTo(404);
        assertThat(basic("case.moderator", "/cases/" + UUID.randomUUID()).status())
                .isEqualTo(404);
        assertThat(basic("case.moderator", "/cases/not-a-case").status()).isEqualTo(404);
        assertThat(bytes("case.moderator", "/cases/" + id + "/events/99/signature.p7s")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void anOfficialSignedInByTheFormSeesAConfidentialCaseMarkedAsSuch() {
        official("case.form.department", OfficialRole.OFFICERS.groupId("demo", "skhdt"));
        UUID id = forwardedDialogue(true);
        Api browser = new Api(port);
        Api.Response signIn = SignIn.staff(browser, "case.form.department", "secret");
        assertThat(signIn.status()).isEqualTo(302);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> browser.get("/cases/" + id).body().contains("2 sự kiện đã ký số"));
        String html = browser.get("/cases/" + id).body();
        assertThat(html)
                .contains("Hồ sơ mật.")
                .contains("Công ty chúng tôi chuyển trụ sở sang huyện khác trong tỉnh")
                .contains("Chưa có câu trả lời.");
        assertThat(browser.get("/portal/demo/dialogues/" + id).status())
                .as("the public never sees a confidential dialogue")
                .isEqualTo(404);
    }

    private HttpResponse<byte[]> bytes(String user, String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString(
                                                                (user + ":secret").getBytes(StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }
}
