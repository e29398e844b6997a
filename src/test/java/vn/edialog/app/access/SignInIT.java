package vn.edialog.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.edialog.app.support.Api;
import vn.edialog.app.support.EDialogIntegrationTest;
import vn.edialog.app.support.SignIn;
import vn.edialog.app.support.TestOfficials;
import vn.edialog.command.pki.Credential;
import vn.edialog.command.pki.KeyKind;
import vn.edialog.command.pki.TestPki;

/** Askers sign in by signing a one-time challenge; officials with their Tasklist account. */
@EDialogIntegrationTest
class SignInIT {

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    JdbcClient jdbc;

    private final TestPki pki = TestPki.shared();

    private void moderator(String id) {
        TestOfficials.ensure(identity, id, "demo-ubnd-moderators", "secret", "Cán bộ", "Ủy ban nhân dân");
    }

    @Test
    void aBusinessSignsInWithItsCertificateAndTheSessionIsBoundToItsTaxCode() {
        long sessionsBefore = sessionsOf("MST:" + TestPki.BUSINESS_MST);
        Api browser = new Api(port);
        Api.Response signedIn = SignIn.asker(browser, pki.business(), "demo");

        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        assertThat(signedIn.json().path("partyId").asText()).startsWith("MST:");
        assertThat(signedIn.json().path("kind").asText()).isEqualTo("BUSINESS");
        Api.Response me = browser.get("/api/v1/sign-in/me");
        assertThat(me.json().path("partyId").asText())
                .isEqualTo(signedIn.json().path("partyId").asText());
        assertThat(new Api(port).get("/api/v1/sign-in/me").status())
                .as("another browser is not signed in")
                .isEqualTo(401);
        assertThat(sessionsOf(signedIn.json().path("partyId").asText()))
                .as("the session is kept in PostgreSQL, where every node finds it")
                .isEqualTo(sessionsBefore + 1);
    }

    private long sessionsOf(String party) {
        return jdbc.sql("select count(*) from spring_session where principal_name = :party")
                .param("party", party)
                .query(Long.class)
                .single();
    }

    @Test
    void aCitizenSignsInByIdNumber() {
        Api.Response signedIn = SignIn.asker(new Api(port), pki.citizen(), "demo");

        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        assertThat(signedIn.json().path("partyId").asText()).startsWith("CCCD:");
        assertThat(signedIn.json().path("kind").asText()).isEqualTo("CITIZEN");
    }

    @Test
    void aChallengeIsUsedOnceAndOnlyByTheSessionItWasIssuedTo() {
        Api browser = new Api(port);
        JsonNode challenge =
                browser.post("/api/v1/sign-in/challenge?tenant=demo", "").json();
        String answer = SignIn.answer(pki.business(), challenge);

        Api.Response elsewhere = new Api(port).post("/api/v1/sign-in", answer);
        assertThat(elsewhere.status()).isEqualTo(401);
        assertThat(elsewhere.problemType()).isEqualTo("urn:edialog:problem:sign-in-refused");

        assertThat(browser.post("/api/v1/sign-in", answer).status()).isEqualTo(200);
        Api.Response replayed = browser.post("/api/v1/sign-in", answer);
        assertThat(replayed.status()).isEqualTo(401);
        assertThat(replayed.problemType()).isEqualTo("urn:edialog:problem:sign-in-refused");
    }

    @Test
    void untrustedRevokedAndAgencyCertificatesDoNotSignIn() {
        Api.Response revoked = SignIn.asker(new Api(port), pki.revoked(), "demo");
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(422);
        assertThat(revoked.problemType()).isEqualTo("urn:edialog:problem:revoked");

        Api.Response agency = SignIn.asker(new Api(port), pki.agency(), "demo");
        assertThat(agency.status())
                .as("officials use their account, not an agency key")
                .isEqualTo(403);

        Api.Response unknownTenant = new Api(port).post("/api/v1/sign-in/challenge?tenant=atlantis", "");
        assertThat(unknownTenant.status()).isEqualTo(422);
    }

    @Test
    void aBusinessCertificateFromTheOfficialDutyCaDoesNotSignIn() {
        Credential fromOfficialCa = pki.issueCustom(
                true,
                "Công ty TNHH Cấp Nhầm",
                "Công ty TNHH Cấp Nhầm",
                "MST:0100000008",
                KeyKind.EC_P256,
                KeyUsage.digitalSignature | KeyUsage.nonRepudiation,
                null);
        Api browser = new Api(port);
        Api.Response refused = SignIn.asker(browser, fromOfficialCa, "demo");

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.problemType()).isEqualTo("urn:edialog:problem:identity-not-trusted-from-issuer");
        assertThat(browser.get("/api/v1/sign-in/me").status()).isEqualTo(401);
    }

    @Test
    void anOfficialSignsInWithTheFormAndLandsOnTheAgencyPage() {
        moderator("signin.moderator");
        Api browser = new Api(port);
        // A wrong password locks the Camunda user for a few seconds, so the wrong attempt is another user's.
        moderator("signin.unlucky");
        Api.Response wrong = SignIn.staff(browser, "signin.unlucky", "not-the-password");
        assertThat(wrong.status()).isEqualTo(302);
        assertThat(wrong.header("Location")).contains("/sign-in?error");

        Api.Response form = SignIn.staff(browser, "signin.moderator", "secret");
        assertThat(form.status()).isEqualTo(302);
        assertThat(form.header("Location")).endsWith("/staff");
        Api.Response staff = browser.get("/staff");
        assertThat(staff.status()).isEqualTo(200);
        assertThat(staff.body()).contains("Đơn vị của tôi").contains("Ủy ban nhân dân");
        assertThat(browser.get("/staff?lang=en").body()).contains("My agency");
    }

    @Test
    void theSignInPageIsVietnameseByDefaultAndEnglishOnRequest() {
        Api browser = new Api(port);
        assertThat(browser.get("/sign-in").body()).contains("lang=\"vi\"").contains("đăng nhập bằng chứng thư số");
        assertThat(browser.get("/sign-in?lang=en").body())
                .contains("lang=\"en\"")
                .contains("sign in with your certificate");
        assertThat(browser.get("/sign-in").body())
                .as("the choice is remembered")
                .contains("lang=\"en\"");
    }

    @Test
    void afterSignInTheBrowserGoesOnlyToAPathOfTheProduct() {
        Api browser = new Api(port);
        for (String next : new String[] {
            "/%5C127.0.0.1:" + port + "/x",
            "/%09/x",
            "//evil.example",
            "/%5Cevil.example",
            "%2F%2Fevil.example",
            "https:evil.example",
            "https://evil.example/",
            "/%0D%0A/evil.example",
            "/%0A/evil.example"
        }) {
            assertThat(successOf(browser.get("/sign-in?next=" + next).body()))
                    .as(next)
                    .isEqualTo("/my/dialogues");
        }
        assertThat(successOf(browser.get("/sign-in?next=/d/ABC?x=1").body())).isEqualTo("/d/ABC?x=1");
    }

    /** Where the signing script sends the browser after sign-in. */
    private static String successOf(String page) {
        var matcher =
                java.util.regex.Pattern.compile("data-success=\"([^\"]*)\"").matcher(page);
        assertThat(matcher.find()).as("the sign-in form names where to go").isTrue();
        return matcher.group(1);
    }

    @Test
    void theCamundaAdministratorHasTheConfiguredPasswordNotAdmin() {
        // The right password first: a wrong one locks Camunda's user for a few seconds.
        assertThat(identity.checkPassword("admin", vn.edialog.app.support.EDialogTestInitializer.ADMIN_PASSWORD))
                .isTrue();
        assertThat(identity.checkPassword("admin", "admin")).isFalse();
    }

    @Test
    void anOfficialSentToSignInReturnsToThePageHeAskedForAsAPath() {
        moderator("signin.returning");
        Api browser = new Api(port);
        assertThat(browser.get("/staff?page=0").status()).isEqualTo(302);
        Api.Response form = SignIn.staff(browser, "signin.returning", "secret");
        assertThat(form.status()).isEqualTo(302);
        assertThat(form.header("Location"))
                .as("a path: the saved absolute URL came from the Host header")
                .startsWith("/staff?page=0")
                .doesNotContain("://");
    }
}
