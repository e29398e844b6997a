package vn.edialog.command.dialogue.api;

import java.util.List;

/**
 * An envelope exactly as verified: base64 of the signed bytes, base64 of the DER CMS SignedData, base64 DER
 * certificates signer first. Strings (not byte[]) so records compare by value.
 */
public record SignedPayload(String payload, String signature, List<String> chain) {
    public SignedPayload {
        chain = chain == null ? List.of() : List.copyOf(chain);
    }
}
