package vn.edialog.app.access;

import vn.edialog.app.web.ApiProblem;
import vn.edialog.command.dialogue.api.Actor;
import vn.edialog.command.dialogue.api.ActorKind;
import vn.edialog.command.dialogue.api.TextLimits;
import vn.edialog.command.signature.SignerIdentity;
import vn.edialog.command.text.Fit;

/** Who an asker is: the certificate's subject, a business by its tax code, a citizen by the ID number. */
public final class AskerIdentity {

    private AskerIdentity() {}

    /** The asker a certificate names; an agency's certificate cannot act as a business or citizen. */
    public static Actor actor(SignerIdentity signer) {
        ActorKind kind =
                switch (signer.scheme()) {
                    case MST -> ActorKind.BUSINESS;
                    case CCCD, CMND -> ActorKind.CITIZEN;
                    case MNS -> throw ApiProblem.identityMismatch(
                            "An agency certificate (" + signer.id() + ") cannot act as a business or citizen");
                };
        String name =
                kind == ActorKind.BUSINESS && signer.organization() != null ? signer.organization() : signer.name();
        // The asker cannot change the certificate: a name longer than the documented maximum is shortened for
        // display, never refused; the certificate itself stays in the signed evidence.
        return new Actor(kind, signer.id(), Fit.shorten(name, TextLimits.NAME_MAX), null);
    }
}
