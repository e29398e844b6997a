package vn.edialog.command.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalJsonTest {

    private static String canonical(String json) {
        return new String(
                CanonicalJson.canonicalize(CanonicalJson.parse(json.getBytes(StandardCharsets.UTF_8))),
                StandardCharsets.UTF_8);
    }

    @Test
    void theRfc8785MainExampleIsCanonicalized() {
        String input = "{\n  \"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],\n"
                + "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
                + "  \"literals\": [null, true, false]\n}";
        assertThat(canonical(input))
                .isEqualTo("{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                        + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    @Test
    void objectKeysAreSortedByUtf16CodeUnits() {
        String input = "{\"\\u20ac\":\"Euro Sign\",\"\\r\":\"Carriage Return\",\"\\ufb33\":\"Hebrew Letter Dalet With"
                + " Dagesh\",\"1\":\"One\",\"\\ud83d\\ude00\":\"Emoji: Grinning Face\",\"\\u0080\":\"Control\","
                + "\"\\u00f6\":\"Latin Small Letter O With Diaeresis\"}";
        assertThat(canonical(input))
                .isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"\u00f6\":\"Latin Small"
                        + " Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\",\"\ud83d\ude00\":\"Emoji: Grinning Face\","
                        + "\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @ParameterizedTest
    @CsvSource({
        "0000000000000000, 0",
        "8000000000000000, 0",
        "0000000000000001, 5e-324",
        "8000000000000001, -5e-324",
        "7fefffffffffffff, 1.7976931348623157e+308",
        "ffefffffffffffff, -1.7976931348623157e+308",
        "4340000000000000, 9007199254740992",
        "c340000000000000, -9007199254740992",
        "4430000000000000, 295147905179352830000",
        "44b52d02c7e14af5, 9.999999999999997e+22",
        "44b52d02c7e14af6, 1e+23",
        "44b52d02c7e14af7, 1.0000000000000001e+23",
        "444b1ae4d6e2ef4e, 999999999999999700000",
        "444b1ae4d6e2ef4f, 999999999999999900000",
        "444b1ae4d6e2ef50, 1e+21",
        "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
        "3eb0c6f7a0b5ed8d, 0.000001",
        "41b3de4355555553, 333333333.3333332",
        "41b3de4355555554, 333333333.33333325",
        "41b3de4355555555, 333333333.3333333",
        "41b3de4355555556, 333333333.3333334",
        "41b3de4355555557, 333333333.33333343",
        "becbf647612f3696, -0.0000033333333333333333",
        "43143ff3c1cb0959, 1424953923781206.2"
    })
    void rfc8785SampleNumbersAreFormattedLikeEcmaScript(String bits, String expected) {
        double d = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));
        assertThat(CanonicalJson.formatDouble(d)).isEqualTo(expected);
        if (!expected.startsWith("-0") && !expected.equals("0")) {
            assertThat(Double.parseDouble(expected)).isEqualTo(d);
        }
    }

    @Test
    void nanAndInfinityAreNotJsonNumbers() {
        assertThatThrownBy(() -> CanonicalJson.formatDouble(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.formatDouble(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertRefused("{\"a\":1e400}", RefusalReason.BAD_PAYLOAD);
    }

    @Test
    void controlCharactersUseLowercaseUnicodeEscapesAndOthersStayLiteral() {
        assertThat(canonical("[\"\\u001f\\b\\t\\u00e9\\u2028\"]")).isEqualTo("[\"\\u001f\\b\\té\u2028\"]");
    }

    @Test
    void canonicalBytesAreAcceptedAsIs() {
        byte[] bytes = "{\"a\":[1,2.5,\"Đà Nẵng\"],\"b\":{\"c\":null}}".getBytes(StandardCharsets.UTF_8);
        JsonNode n = CanonicalJson.parseCanonical(bytes);
        assertThat(n.get("a").get(2).textValue()).isEqualTo("Đà Nẵng");
    }

    @Test
    void nonCanonicalFormsAreRefused() {
        for (String s : new String[] {
            "{\"b\":1,\"a\":2}",
            "{\"a\": 1}",
            "{\"a\":1.0}",
            "{\"a\":1e2}",
            "{\"a\":-0}",
            "{\"a\":\"\\u00e9\"}",
            "{\"a\":\"\\/\"}",
            " {\"a\":1}",
            "{\"a\":1}\n",
            "{\"a\":12345678901234567890}"
        }) {
            assertRefused(s, RefusalReason.NOT_CANONICAL);
        }
    }

    @Test
    void duplicateKeysTrailingDataAndLoneSurrogatesAreRefusedAsBadPayload() {
        assertRefused("{\"a\":1,\"a\":2}", RefusalReason.BAD_PAYLOAD);
        assertRefused("{\"a\":1}{}", RefusalReason.BAD_PAYLOAD);
        assertRefused("{\"a\":\"\\ud800\"}", RefusalReason.BAD_PAYLOAD);
        assertRefused("", RefusalReason.BAD_PAYLOAD);
    }

    @Test
    void invalidUtf8IsRefusedAsBadEncoding() {
        byte[] overlong = {'[', '"', (byte) 0xC0, (byte) 0xAF, '"', ']'};
        byte[] surrogate = {'[', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', ']'};
        for (byte[] b : new byte[][] {overlong, surrogate}) {
            assertThatThrownBy(() -> CanonicalJson.parseCanonical(b))
                    .isInstanceOfSatisfying(
                            SignatureRefusal.class, r -> assertThat(r.reason()).isEqualTo(RefusalReason.BAD_ENCODING));
        }
    }

    private static void assertRefused(String json, RefusalReason reason) {
        assertThatThrownBy(() -> CanonicalJson.parseCanonical(json.getBytes(StandardCharsets.UTF_8)))
                .as(json)
                .isInstanceOfSatisfying(
                        SignatureRefusal.class, r -> assertThat(r.reason()).isEqualTo(reason));
    }
}
