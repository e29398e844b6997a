package vn.edialog.query.support;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import vn.edialog.command.dialogue.api.Actor;
import vn.edialog.command.dialogue.api.SignedPayload;
import vn.edialog.command.pki.Credential;
import vn.edialog.command.pki.GeneratedPki;
import vn.edialog.command.pki.PkiFactory;

/** The project's test PKI (real keys, real CMS), generated once per test JVM, and the credential of each test actor. */
public final class TestKeys {

    private static GeneratedPki pki;

    private TestKeys() {}

    public static synchronized GeneratedPki pki() {
        if (pki == null) {
            pki = PkiFactory.generate(URI.create("http://localhost"));
        }
        return pki;
    }

    /** The credential the actor signs with: its own for the test askers, the agency or system key otherwise. */
    public static Credential credentialOf(Actor actor) {
        return switch (actor.kind()) {
            case BUSINESS -> actor.equals(Parties.OTHER_BUSINESS) ? pki().businessRsa() : pki().business();
            case CITIZEN -> pki().citizen();
            case OFFICIAL -> pki().agency();
            case SYSTEM -> pki().system();
        };
    }

    /** {@code text} signed by {@code actor}: detached CMS over its UTF-8 bytes, with the signer's chain. */
    public static SignedPayload sign(Actor actor, String text) {
        Credential credential = credentialOf(actor);
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        return SignedPayload.of(payload, credential.signer().sign(payload), credential.chain());
    }
}
