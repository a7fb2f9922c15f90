package io.plus.ids;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdsTest {
    private static final List<String> IDS = List.of("acme", "u1", "A.b_c:d@e-f", "9", "x".repeat(128));
    private static final List<String> NOT_IDS = List.of("", "-acme", ".hidden", "a b", "a/b", "a\nb", "a\"b", "é",
            "x".repeat(129));

    @Test
    void theRuleAndItsRegularExpressionAgree() {
        Pattern pattern = Pattern.compile(Ids.PATTERN);
        for (String id : IDS) {
            assertTrue(Ids.valid(id), id);
            assertTrue(pattern.matcher(id).matches(), id);
        }
        for (String notId : NOT_IDS) {
            assertFalse(Ids.valid(notId), notId);
            assertFalse(pattern.matcher(notId).matches(), notId);
        }
        assertFalse(Ids.valid(null));
    }

    @Test
    void lengthIsLeftToTheCallerOnlyInAllowedCharacters() {
        assertTrue(Ids.allowedCharacters("x".repeat(129)));
        assertFalse(Ids.allowedCharacters("a b"));
        assertEquals("^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$", Ids.PATTERN, "the CRDs and the chart's schema carry this text");
    }
}
