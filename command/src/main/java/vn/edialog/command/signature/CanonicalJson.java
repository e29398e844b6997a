package vn.edialog.command.signature;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON Canonicalization Scheme (RFC 8785): strict UTF-8 parsing without duplicate keys, canonical serialization, and
 * a check that received bytes are exactly canonical.
 */
public final class CanonicalJson {

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final double MAX_SAFE_INTEGER = 9007199254740992.0;

    private CanonicalJson() {}

    /**
     * Parses strict UTF-8 JSON: invalid UTF-8 is BAD_ENCODING; syntax errors, duplicate keys, lone surrogates and
     * numbers outside the IEEE double range are BAD_PAYLOAD.
     */
    public static JsonNode parse(byte[] utf8) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8));
        } catch (CharacterCodingException e) {
            throw new SignatureRefusal(RefusalReason.BAD_ENCODING, "payload is not valid UTF-8", e);
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(utf8);
        } catch (StreamConstraintsException e) {
            throw new SignatureRefusal(
                    RefusalReason.BAD_PAYLOAD, "payload exceeds JSON limits: " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new SignatureRefusal(
                    RefusalReason.BAD_PAYLOAD, "payload is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new SignatureRefusal(RefusalReason.BAD_PAYLOAD, "payload is not valid JSON", e);
        }
        if (node == null || node.isMissingNode()) {
            throw new SignatureRefusal(RefusalReason.BAD_PAYLOAD, "payload is empty");
        }
        try {
            checkValues(node);
        } catch (IllegalArgumentException e) {
            throw new SignatureRefusal(RefusalReason.BAD_PAYLOAD, e.getMessage(), e);
        }
        return node;
    }

    /** Parses like {@link #parse(byte[])} and refuses (NOT_CANONICAL) bytes that differ from the canonical form. */
    public static JsonNode parseCanonical(byte[] utf8) {
        JsonNode node = parse(utf8);
        byte[] canonical = canonicalize(node);
        if (!Arrays.equals(canonical, utf8)) {
            throw new SignatureRefusal(
                    RefusalReason.NOT_CANONICAL,
                    "payload is not in RFC 8785 canonical form (first difference at byte " + mismatch(canonical, utf8)
                            + ")");
        }
        return node;
    }

    /** The RFC 8785 canonical UTF-8 bytes of a JSON tree; IllegalArgumentException for NaN, infinities, lone
     * surrogates or non-JSON nodes. */
    public static byte[] canonicalize(JsonNode node) {
        StringBuilder sb = new StringBuilder(256);
        write(node, sb);
        ByteArrayOutputStream out = new ByteArrayOutputStream(sb.length() + 16);
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
        return out.toByteArray();
    }

    /** The canonical form as a String. */
    public static String canonicalString(JsonNode node) {
        StringBuilder sb = new StringBuilder(256);
        write(node, sb);
        return sb.toString();
    }

    private static int mismatch(byte[] a, byte[] b) {
        int i = Arrays.mismatch(a, b);
        return i < 0 ? 0 : i;
    }

    private static void checkValues(JsonNode node) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                checkString(e.getKey());
                checkValues(e.getValue());
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                checkValues(child);
            }
        } else if (node.isTextual()) {
            checkString(node.textValue());
        } else if (node.isNumber()) {
            double d = node.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("number outside the IEEE 754 double range");
            }
        }
    }

    private static void checkString(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    throw new IllegalArgumentException("string contains a lone surrogate");
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                throw new IllegalArgumentException("string contains a lone surrogate");
            }
        }
    }

    private static void write(JsonNode node, StringBuilder sb) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<String> keys = new ArrayList<>(node.size());
                node.fieldNames().forEachRemaining(keys::add);
                keys.sort(null); // String.compareTo compares UTF-16 code units, as RFC 8785 requires
                sb.append('{');
                boolean first = true;
                for (String key : keys) {
                    if (!first) {
                        sb.append(',');
                    }
                    first = false;
                    writeString(key, sb);
                    sb.append(':');
                    write(node.get(key), sb);
                }
                sb.append('}');
            }
            case ARRAY -> {
                sb.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    write(node.get(i), sb);
                }
                sb.append(']');
            }
            case STRING -> writeString(node.textValue(), sb);
            case NUMBER -> sb.append(numberToString(node));
            case BOOLEAN -> sb.append(node.booleanValue() ? "true" : "false");
            case NULL -> sb.append("null");
            default -> throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
        }
    }

    private static String numberToString(JsonNode node) {
        if (node.canConvertToLong() && node.isIntegralNumber()) {
            long v = node.longValue();
            if (Math.abs((double) v) < MAX_SAFE_INTEGER) {
                return Long.toString(v);
            }
        }
        return formatDouble(node.doubleValue());
    }

    /** ECMAScript Number.prototype.toString of a double (the shortest round-tripping decimal, ES formatting). */
    public static String formatDouble(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("NaN and infinities are not valid JSON numbers");
        }
        if (d == 0.0) {
            return "0";
        }
        if (d == Math.rint(d) && Math.abs(d) < MAX_SAFE_INTEGER) {
            return Long.toString((long) d);
        }
        double a = Math.abs(d);
        BigDecimal shortest = shortest(a).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale();
        StringBuilder sb = new StringBuilder(32);
        if (d < 0) {
            sb.append('-');
        }
        if (k <= n && n <= 21) {
            sb.append(digits);
            sb.append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            sb.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            sb.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            int e = n - 1;
            sb.append(digits.charAt(0));
            if (k > 1) {
                sb.append('.').append(digits, 1, k);
            }
            sb.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
        }
        return sb.toString();
    }

    private static BigDecimal shortest(double a) {
        BigDecimal exact = new BigDecimal(a);
        for (int p = 1; p <= 17; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == a) {
                return r;
            }
            // Near powers of two the rounding interval is asymmetric: a farther neighbour may round-trip.
            BigDecimal ulp = r.ulp();
            BigDecimal best = null;
            for (BigDecimal c : new BigDecimal[] {r.subtract(ulp), r.add(ulp)}) {
                if (c.signum() > 0 && c.doubleValue() == a) {
                    if (best == null
                            || c.subtract(exact)
                                            .abs()
                                            .compareTo(best.subtract(exact).abs())
                                    < 0) {
                        best = c;
                    }
                }
            }
            if (best != null) {
                return best;
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }

    private static void writeString(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else if (Character.isSurrogate(c)) {
                        if (Character.isHighSurrogate(c)
                                && i + 1 < s.length()
                                && Character.isLowSurrogate(s.charAt(i + 1))) {
                            sb.append(c).append(s.charAt(++i));
                        } else {
                            throw new IllegalArgumentException("string contains a lone surrogate");
                        }
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
