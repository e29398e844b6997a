package vn.edialog.app.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.edialog.app.tenant.Tenants;
import vn.edialog.app.web.ApiProblem;
import vn.edialog.command.dialogue.api.Actor;
import vn.edialog.command.signature.Envelope;
import vn.edialog.command.signature.EnvelopeVerifier;
import vn.edialog.command.signature.VerifiedEnvelope;

/**
 * Sign-in by certificate for businesses and citizens. The server issues a one-time challenge bound to the browser's
 * session; the browser signs a {@code sign-in} payload naming it ({@code dialogueId} = challenge id, {@code nonce} =
 * the challenge's nonce) with the asker's key; the server verifies that envelope with exactly the policy of commands
 * (path to the tenant's anchors, validity, revocation, key usage, algorithms, clock skew) and opens a session bound
 * to the MST or CCCD of the certificate. A challenge is used once and lives two minutes.
 */
@RestController
@RequestMapping("/api/v1/sign-in")
@Tag(name = "Sign-in", description = "Certificate sign-in for businesses and citizens")
class CertificateSignIn {

    static final String TYPE = "sign-in";
    static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(2);
    private static final String CHALLENGE = CertificateSignIn.class.getName() + ".challenge";

    private final EnvelopeVerifier verifier;
    private final Tenants tenants;
    private final SecurityContextRepository contexts;
    private final Clock clock;

    CertificateSignIn(EnvelopeVerifier verifier, Tenants tenants, SecurityContextRepository contexts, Clock clock) {
        this.verifier = verifier;
        this.tenants = tenants;
        this.contexts = contexts;
        this.clock = clock;
    }

    /** What the browser signs: every field of the sign-in payload but {@code signedAt}, which it adds. */
    record Challenge(String type, String tenant, UUID dialogueId, UUID nonce, Instant expiresAt)
            implements Serializable {}

    /** The signed-in asker, as the pages and clients see him. */
    record SignedIn(String tenant, String kind, String partyId, String name, String certificateSubject) {

        static SignedIn of(Viewer.Asker asker) {
            return new SignedIn(
                    asker.tenant(), asker.kind().name(), asker.partyId(), asker.name(), asker.certificateSubject());
        }
    }

    @PostMapping("/challenge")
    @Operation(summary = "Issue a one-time sign-in challenge for this session")
    Challenge challenge(@RequestParam String tenant, HttpServletRequest request) {
        if (tenants.find(tenant).isEmpty()) {
            throw ApiProblem.unknownTenant(tenant);
        }
        Challenge challenge = new Challenge(
                TYPE,
                tenant,
                UUID.randomUUID(),
                UUID.randomUUID(),
                clock.instant().plus(CHALLENGE_LIFETIME));
        request.getSession(true).setAttribute(CHALLENGE, challenge);
        return challenge;
    }

    @PostMapping
    @Operation(summary = "Sign in with the signed challenge; opens a session bound to the certificate's MST or CCCD")
    SignedIn signIn(@RequestBody Envelope envelope, HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        Challenge challenge = session == null ? null : (Challenge) session.getAttribute(CHALLENGE);
        if (challenge == null) {
            throw refused("No sign-in challenge was issued to this session; ask for one first.");
        }
        // One attempt per challenge, whatever its outcome.
        session.removeAttribute(CHALLENGE);
        if (clock.instant().isAfter(challenge.expiresAt())) {
            throw refused("The sign-in challenge expired at " + challenge.expiresAt() + "; ask for a new one.");
        }
        VerifiedEnvelope verified = verifier.verify(envelope);
        if (!TYPE.equals(verified.type())
                || !challenge.tenant().equals(verified.tenant())
                || !challenge.dialogueId().equals(verified.dialogueId())
                || !challenge.nonce().equals(verified.nonce())) {
            throw refused("The signed payload is not this session's sign-in challenge.");
        }
        Actor actor = AskerIdentity.actor(verified.signer());
        X509Certificate certificate = verified.chain().get(0);
        Viewer.Asker asker = new Viewer.Asker(
                verified.tenant(),
                actor.kind(),
                actor.id(),
                actor.name(),
                certificate.getSubjectX500Principal().getName(),
                certificate.getIssuerX500Principal().getName(),
                certificate.getSerialNumber().toString(16));
        // A fresh session id: nothing obtained before sign-in (session fixation) carries over.
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ViewerAuthentication(asker));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        return SignedIn.of(asker);
    }

    @GetMapping("/me")
    @Operation(summary = "Who is signed in (askers and officials); 401 when nobody")
    Object me() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof ViewerAuthentication viewer) {
            if (viewer.getPrincipal() instanceof Viewer.Asker asker) {
                return SignedIn.of(asker);
            }
            Viewer.Staff staff = (Viewer.Staff) viewer.getPrincipal();
            return new SignedInStaff(
                    staff.tenant(),
                    staff.agency(),
                    staff.official().userId(),
                    staff.displayName(),
                    staff.roles().stream().map(Enum::name).sorted().toList());
        }
        throw new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign-in required", "Nobody is signed in.");
    }

    record SignedInStaff(String tenant, String agency, String userId, String name, java.util.List<String> roles) {}

    private static ApiProblem refused(String detail) {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "sign-in-refused", "Sign-in refused", detail);
    }
}
