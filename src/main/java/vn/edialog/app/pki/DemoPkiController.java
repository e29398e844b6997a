package vn.edialog.app.pki;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishes the demo PKI's CA certificates and CRLs, at the distribution points written into its certificates. A
 * production PKI publishes its own; this controller exists only on the embedded default.
 */
@RestController
@ConditionalOnProperty(name = "edialog.pki.demo", havingValue = "true")
class DemoPkiController {

    private static final Set<String> CAS = Set.of("root", "public-ca", "official-ca");
    private static final MediaType CRL = MediaType.parseMediaType("application/pkix-crl");
    private static final MediaType PEM = MediaType.parseMediaType("application/x-pem-file");

    private final DemoPki pki;

    DemoPkiController(DemoPki pki) {
        this.pki = pki;
    }

    @GetMapping("/pki/crl/{ca}.crl")
    ResponseEntity<byte[]> crl(@PathVariable String ca) throws IOException {
        return file(ca, ".crl", CRL);
    }

    @GetMapping("/pki/{ca}.pem")
    ResponseEntity<byte[]> certificate(@PathVariable String ca) throws IOException {
        return file(ca, ".pem", PEM);
    }

    private ResponseEntity<byte[]> file(String ca, String suffix, MediaType type) throws IOException {
        Path file = pki.directory().resolve(ca + suffix);
        if (!CAS.contains(ca) || !Files.exists(file)) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(type).body(Files.readAllBytes(file));
    }
}
