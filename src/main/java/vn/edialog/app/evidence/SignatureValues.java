package vn.edialog.app.evidence;

import java.util.Base64;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;

/** The signature value of a stored CMS signature: what a CAdES signature-time-stamp is over. */
final class SignatureValues {

    private SignatureValues() {}

    /** The octets of the only SignerInfo's signature field of a base64 DER CMS SignedData. */
    static byte[] of(String base64Cms) {
        try {
            CMSSignedData cms = new CMSSignedData(Base64.getDecoder().decode(base64Cms));
            var signers = cms.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                throw new IllegalArgumentException("a stored signature has one signer, this one " + signers.size());
            }
            SignerInformation signer = signers.iterator().next();
            return signer.getSignature();
        } catch (CMSException e) {
            throw new IllegalArgumentException("not a CMS signature: " + e.getMessage(), e);
        }
    }
}
