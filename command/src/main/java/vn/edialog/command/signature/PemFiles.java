package vn.edialog.command.signature;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRL;
import java.security.cert.CRLException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads certificates and CRLs from files holding DER or PEM (several blocks per file allowed). */
public final class PemFiles {

    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*?)-----END \\1-----");

    private PemFiles() {}

    /** All certificates in a PEM or DER file. */
    public static List<X509Certificate> readCertificates(Path file) {
        return parseCertificates(read(file));
    }

    /** All CRLs in a PEM or DER file. */
    public static List<X509CRL> readCrls(Path file) {
        return parseCrls(read(file));
    }

    /** All certificates in PEM or DER bytes. */
    public static List<X509Certificate> parseCertificates(byte[] data) {
        List<X509Certificate> out = new ArrayList<>();
        try {
            for (byte[] der : blocks(data, "CERTIFICATE")) {
                for (Certificate c : Bc.certificateFactory().generateCertificates(new ByteArrayInputStream(der))) {
                    out.add((X509Certificate) c);
                }
            }
        } catch (CertificateException e) {
            throw new IllegalArgumentException("unreadable certificate: " + e.getMessage(), e);
        }
        return out;
    }

    /** All CRLs in PEM or DER bytes. */
    public static List<X509CRL> parseCrls(byte[] data) {
        List<X509CRL> out = new ArrayList<>();
        try {
            for (byte[] der : blocks(data, "X509 CRL")) {
                for (CRL c : Bc.certificateFactory().generateCRLs(new ByteArrayInputStream(der))) {
                    out.add((X509CRL) c);
                }
            }
        } catch (CRLException e) {
            throw new IllegalArgumentException("unreadable CRL: " + e.getMessage(), e);
        }
        return out;
    }

    /** PEM text of certificates. */
    public static String toPem(List<X509Certificate> certificates) {
        StringBuilder sb = new StringBuilder();
        try {
            for (X509Certificate c : certificates) {
                sb.append(pem("CERTIFICATE", c.getEncoded()));
            }
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        return sb.toString();
    }

    /** A PEM block with 64-column base64. */
    public static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static List<byte[]> blocks(byte[] data, String label) {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        if (!text.contains("-----BEGIN ")) {
            return List.of(data);
        }
        List<byte[]> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            if (m.group(1).equals(label)
                    || (label.equals("CERTIFICATE") && m.group(1).equals("TRUSTED CERTIFICATE"))) {
                out.add(Base64.getMimeDecoder().decode(m.group(2)));
            }
        }
        return out;
    }
}
