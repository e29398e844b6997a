package vn.edialog.app.operations.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import vn.edialog.command.signature.PemFiles;
import vn.edialog.command.signature.TrustAnchors;
import vn.edialog.command.timestamp.CadesSignatures;

/** Reading the command line's files; every failure is an {@link UnusableInput} (exit code 2) naming the file. */
final class Inputs {

    private Inputs() {}

    /** Input the command cannot use at all (exit code 2). */
    static final class UnusableInput extends RuntimeException {
        UnusableInput(String message) {
            super(message);
        }
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UnusableInput("no such file: " + file);
        } catch (IOException e) {
            throw new UnusableInput("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** DER, PEM ("-----BEGIN PKCS7/CMS-----") or bare base64 of a CMS structure. */
    static byte[] readCms(Path file) {
        byte[] data = read(file);
        if (data.length > 0 && data[0] == 0x30) {
            return data;
        }
        String text = new String(data, StandardCharsets.US_ASCII).strip();
        text = text.replaceAll("-----(BEGIN|END) [A-Z0-9 ]+-----", "").replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new UnusableInput(file + " is neither DER, PEM nor base64");
        }
    }

    /**
     * {@code cms} with the signature-time-stamp of {@code file} (a TimeStampToken, or a TimeStampResp granting one)
     * as its unsigned attribute; the token must be over the CMS's signature value.
     */
    static byte[] withTimeStamp(byte[] cms, Path file) {
        byte[] der = readCms(file);
        TimeStampToken token;
        try {
            token = new TimeStampToken(new CMSSignedData(der));
        } catch (CMSException | TSPException | IOException | IllegalArgumentException notAToken) {
            try {
                token = new TimeStampResponse(der).getTimeStampToken();
            } catch (TSPException | IOException | IllegalArgumentException e) {
                token = null;
            }
        }
        if (token == null) {
            throw new UnusableInput(file + " is neither a time-stamp token nor a time-stamp response granting one");
        }
        try {
            return CadesSignatures.extend(cms, token, List.of(), List.of());
        } catch (IllegalArgumentException e) {
            throw new UnusableInput("cannot add the time-stamp of " + file + ": " + e.getMessage());
        }
    }

    static List<X509Certificate> certificates(List<Path> files) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Path file : files == null ? List.<Path>of() : files) {
            read(file);
            try {
                List<X509Certificate> read = PemFiles.readCertificates(file);
                if (read.isEmpty()) {
                    throw new UnusableInput("no certificate in " + file);
                }
                certificates.addAll(read);
            } catch (RuntimeException e) {
                if (e instanceof UnusableInput) {
                    throw e;
                }
                throw new UnusableInput("cannot read certificates from " + file + ": " + Cli.message(e));
            }
        }
        return certificates;
    }

    static List<X509CRL> crls(List<Path> files) {
        List<X509CRL> crls = new ArrayList<>();
        for (Path file : files == null ? List.<Path>of() : files) {
            read(file);
            try {
                List<X509CRL> read = PemFiles.readCrls(file);
                if (read.isEmpty()) {
                    throw new UnusableInput("no CRL in " + file);
                }
                crls.addAll(read);
            } catch (RuntimeException e) {
                if (e instanceof UnusableInput) {
                    throw e;
                }
                throw new UnusableInput("cannot read CRLs from " + file + ": " + Cli.message(e));
            }
        }
        return crls;
    }

    static Set<TrustAnchor> anchors(List<Path> files) {
        List<Path> sources = new ArrayList<>(files == null ? List.of() : files);
        if (sources.isEmpty()) {
            String configured = System.getenv("EDIALOG_PKI_TRUST_ANCHORS");
            if (configured != null && !configured.isBlank()) {
                for (String file : configured.split(",")) {
                    sources.add(Path.of(file.strip()));
                }
            }
        }
        if (sources.isEmpty()) {
            throw new UnusableInput("no trust anchors: give --trust FILE (or set EDIALOG_PKI_TRUST_ANCHORS)");
        }
        return TrustAnchors.anchorsOf(certificates(sources));
    }

    /** An instant: RFC 3339 ({@code 2026-11-23T10:00:00Z} or with an offset); null means now. */
    static Instant instant(String text) {
        if (text == null) {
            return Instant.now();
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new UnusableInput(
                    "--at must be an RFC 3339 instant such as 2026-11-23T10:00:00Z, not '" + text + "'");
        }
    }
}
