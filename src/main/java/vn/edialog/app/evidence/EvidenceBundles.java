package vn.edialog.app.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bouncycastle.tsp.TimeStampToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import vn.edialog.app.pki.TimeStamping;
import vn.edialog.app.tracking.DialogueView;
import vn.edialog.app.tracking.TimelineItem;
import vn.edialog.app.web.L10n;
import vn.edialog.command.tenant.Tenant;
import vn.edialog.command.timestamp.TimeStampUnavailable;
import vn.edialog.query.timeline.EventEvidence;

/**
 * A dialogue's evidence as one ASiC-E container (ETSI EN 319 162-1), to keep and to verify offline: the exact signed
 * bytes of each event ({@code payloads/NNN-Event.json}), its CAdES signature at the level its evidence allows ({@code
 * META-INF/signatureNNN.p7s}, detached, over those bytes as they were signed), a readable summary ({@code
 * summary.html}), and an {@code META-INF/ASiCArchiveManifest.xml} naming every file with its SHA-256, time-stamped
 * when the bundle is made ({@code META-INF/timestamp.tst}). The layout is recorded in ADR 017.
 */
@Component
public class EvidenceBundles {

    public static final String MEDIA_TYPE = "application/vnd.etsi.asic-e+zip";
    static final String MANIFEST = "META-INF/ASiCArchiveManifest.xml";
    static final String ARCHIVE_TIMESTAMP = "META-INF/timestamp.tst";

    private static final Logger log = LoggerFactory.getLogger(EvidenceBundles.class);

    private final LongTermEvidence evidence;
    private final TimeStamping timeStamping;

    EvidenceBundles(LongTermEvidence evidence, TimeStamping timeStamping) {
        this.evidence = evidence;
        this.timeStamping = timeStamping;
    }

    private record Entry(String name, String mediaType, byte[] bytes) {}

    /**
     * What the summary says of the dialogue: its title (the tracking code, or the published subject) and topic; the
     * container's comment names the dialogue.
     */
    public record Header(UUID dialogueId, String title, Tenant tenant, String topic, Instant askedAt) {}

    /** One event of the bundle: its stored evidence, and what the summary says of it. */
    public record Item(EventEvidence evidence, String summaryVi, String summaryEn, String signer) {}

    /** The HTTP answer that offers {@code bundle} for download as {@code fileName}. */
    public static ResponseEntity<byte[]> download(byte[] bundle, String fileName) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(MEDIA_TYPE))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName)
                                .build()
                                .toString())
                .body(bundle);
    }

    /** The items of a dialogue its viewer reads in full: every event of its timeline. */
    public static List<Item> items(DialogueView view, List<EventEvidence> events) {
        List<Item> items = new ArrayList<>();
        for (EventEvidence event : events) {
            TimelineItem line = view.timeline().stream()
                    .filter(item -> item.sequence() == event.sequence())
                    .findFirst()
                    .orElse(null);
            items.add(new Item(
                    event,
                    line == null ? event.eventType() : line.summaryVi(),
                    line == null ? event.eventType() : line.summaryEn(),
                    line == null ? null : line.signerSubject()));
        }
        return items;
    }

    /** The container of a dialogue, from the stored evidence of the given events, in order. */
    public byte[] bundle(Header header, List<Item> items) {
        List<Entry> entries = new ArrayList<>();
        List<String> levels = new ArrayList<>();
        for (Item item : items) {
            EventEvidence event = item.evidence();
            String number = "%03d".formatted(event.sequence());
            LongTermEvidence.Signature signature = evidence.of(event.dialogueId(), event.sequence(), event.signature());
            levels.add(signature.level());
            entries.add(new Entry(
                    "payloads/" + number + "-" + event.eventType() + ".json",
                    "application/json",
                    Base64.getDecoder().decode(event.signedPayload())));
            entries.add(
                    new Entry("META-INF/signature" + number + ".p7s", "application/pkcs7-signature", signature.cms()));
        }
        entries.add(new Entry("summary.html", "text/html", summary(header, items, levels)));
        byte[] manifest = manifest(entries);
        TimeStampToken archive = null;
        if (timeStamping.client().isPresent()) {
            try {
                archive = timeStamping.client().get().stamp(manifest);
            } catch (TimeStampUnavailable e) {
                log.warn(
                        "Evidence bundle of {} without its archive time-stamp: {}",
                        header.dialogueId(),
                        e.getMessage());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            zip.setComment("eDialog evidence of dialogue " + header.dialogueId());
            // The media type first and stored, so that the container announces itself (EN 319 162-1, A.1).
            byte[] mimetype = MEDIA_TYPE.getBytes(StandardCharsets.US_ASCII);
            ZipEntry first = new ZipEntry("mimetype");
            first.setMethod(ZipEntry.STORED);
            first.setSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            first.setCrc(crc.getValue());
            zip.putNextEntry(first);
            zip.write(mimetype);
            zip.closeEntry();
            for (Entry entry : entries) {
                write(zip, entry.name(), entry.bytes());
            }
            write(zip, MANIFEST, manifest);
            if (archive != null) {
                write(zip, ARCHIVE_TIMESTAMP, archive.getEncoded());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the evidence bundle", e);
        }
        return out.toByteArray();
    }

    private static void write(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    /** The ASiCArchiveManifest: every data object and signature with its SHA-256; its time-stamp is its signature. */
    private static byte[] manifest(List<Entry> entries) {
        StringBuilder xml = new StringBuilder(
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <asic:ASiCManifest xmlns:asic="http://uri.etsi.org/02918/v1.2.1#" \
                xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
                  <asic:SigReference URI="META-INF/timestamp.tst" MimeType="application/vnd.etsi.timestamp-token"/>
                """);
        for (Entry entry : entries) {
            xml.append("  <asic:DataObjectReference URI=\"")
                    .append(HtmlUtils.htmlEscape(entry.name()))
                    .append("\" MimeType=\"")
                    .append(entry.mediaType())
                    .append("\">\n")
                    .append("    <ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/>\n")
                    .append("    <ds:DigestValue>")
                    .append(Base64.getEncoder().encodeToString(Digests.sha256(entry.bytes())))
                    .append("</ds:DigestValue>\n")
                    .append("  </asic:DataObjectReference>\n");
        }
        xml.append("</asic:ASiCManifest>\n");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The readable summary, in Vietnamese with English beside it, with local times. */
    private static byte[] summary(Header header, List<Item> items, List<String> levels) {
        Tenant tenant = header.tenant();
        String topic = tenant == null
                ? header.topic()
                : tenant.topic(header.topic())
                        .map(t -> t.nameVi() + " / " + t.nameEn())
                        .orElse(header.topic());
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">")
                .append("<title>Hồ sơ chứng cứ đối thoại ")
                .append(e(header.title()))
                .append("</title></head><body>\n")
                .append("<h1>Hồ sơ chứng cứ đối thoại <small>(Dialogue evidence)</small></h1>\n<dl>\n")
                .append(row("Đối thoại (Dialogue)", header.title()))
                .append(row("Tỉnh, thành phố (Province)", tenant == null ? "" : tenant.nameVi()))
                .append(row("Lĩnh vực (Topic)", topic))
                .append(row(
                        "Ngày hỏi (Asked)", header.askedAt() == null ? "" : L10n.DATE_TIME.format(header.askedAt())))
                .append("</dl>\n<table border=\"1\" cellpadding=\"4\">\n<tr><th>#</th><th>Thời gian (Time)</th>")
                .append("<th>Nội dung (Event)</th><th>Người ký (Signer)</th><th>Chữ ký (Signature)</th></tr>\n");
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            long sequence = item.evidence().sequence();
            html.append("<tr><td>")
                    .append(sequence)
                    .append("</td><td>")
                    .append(L10n.DATE_TIME.format(item.evidence().at()))
                    .append("</td><td>")
                    .append(e(item.summaryVi()))
                    .append("<br><small>")
                    .append(e(item.summaryEn()))
                    .append("</small></td><td>")
                    .append(e(item.signer()))
                    .append("</td><td>")
                    .append(e(levels.get(i)))
                    .append("<br><small>META-INF/signature%03d.p7s</small></td></tr>\n".formatted(sequence));
        }
        html.append("</table>\n<p>Giờ Việt Nam (Vietnam time).</p>\n")
                .append("<h2>Cách kiểm tra (How to verify)</h2>\n<p>Với eDialog (with eDialog): ")
                .append("<code>java -jar edialog.jar evidence verify FILE.asice --trust root.pem</code></p>\n")
                .append("<p>Với DSS của Liên minh châu Âu (with the EU's DSS): mỗi tệp <code>META-INF/signatureNNN.p7s")
                .append("</code> là chữ ký CAdES tách rời của tệp <code>payloads/NNN-*.json</code> (each is a detached")
                .append(" CAdES signature of its payload); tệp <code>META-INF/timestamp.tst</code> là dấu thời gian")
                .append(" của <code>")
                .append(MANIFEST)
                .append("</code> (the archive time-stamp of the manifest).</p>\n</body></html>\n");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String row(String label, String value) {
        return "<dt>" + e(label) + "</dt><dd>" + e(value) + "</dd>\n";
    }

    private static String e(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
