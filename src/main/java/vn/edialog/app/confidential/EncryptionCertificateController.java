package vn.edialog.app.confidential;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.cert.CertificateEncodingException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.edialog.app.tenant.Tenants;
import vn.edialog.app.web.ApiProblem;
import vn.edialog.command.signature.PemFiles;
import vn.edialog.command.tenant.Tenant;

/**
 * The People's Committee's encryption certificate of a province, public: what a browser or a client encrypts a
 * confidential message to before sending it ({@code encryptedPayload}).
 */
@RestController
@Tag(name = "Confidential dialogues")
class EncryptionCertificateController {

    private static final MediaType PEM = MediaType.parseMediaType("application/pem-certificate-chain");

    private final Tenants tenants;
    private final ContentKeys keys;

    EncryptionCertificateController(Tenants tenants, ContentKeys keys) {
        this.tenants = tenants;
        this.keys = keys;
    }

    @GetMapping("/api/v1/tenants/{tenant}/encryption-certificate")
    @Operation(
            summary = "The People's Committee's encryption certificate (PEM)",
            description = "Encrypt a confidential message's signed bytes to it as CMS EnvelopedData and send them as"
                    + " encryptedPayload. 404 when the province takes no confidential dialogues.")
    ResponseEntity<String> certificate(@PathVariable String tenant) throws CertificateEncodingException {
        Tenant province = tenants.find(tenant).orElseThrow(() -> ApiProblem.tenantNotFound(tenant));
        DecryptionKey key = keys.of(province.code(), province.moderatorAgency())
                .orElseThrow(() -> ApiProblem.tenantNotFound(tenant));
        String pem = PemFiles.pem("CERTIFICATE", key.certificate().getEncoded());
        return ResponseEntity.ok()
                .contentType(PEM)
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePublic())
                .body(pem);
    }
}
