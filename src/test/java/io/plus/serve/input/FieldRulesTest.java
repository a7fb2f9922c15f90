package io.plus.serve.input;

import io.plus.serve.problem.Problem.FieldError;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FieldRulesTest {

    private static List<FieldError> textErrors(String text) {
        List<FieldError> errors = new ArrayList<>();
        FieldRules.text(text, "/t", 100, errors);
        return errors;
    }

    @Test
    void textsTakeWhatPeopleWriteAndNothingElse() {
        assertTrue(textErrors("Tabs\tand\nlines\r\nand émoji 😀 and 𝄞").isEmpty());
        assertEquals("holds the control character U+0000 at offset 1; only tab, line feed and carriage return are allowed",
                textErrors("a\u0000").get(0).detail());
        for (String bad : new String[]{"\u0001", "\u001b[31m", "\u007f", "\u0085", "\u009f"}) {
            assertFalse(textErrors("x" + bad).isEmpty(), bad);
        }
        assertTrue(textErrors("half \ud800 pair").get(0).detail().contains("unpaired surrogate U+D800"));
        assertTrue(textErrors("\udc00 low first").get(0).detail().contains("U+DC00"));
        assertTrue(textErrors("ends high \ud83d").get(0).detail().contains("U+D83D"));
        assertEquals("must not be blank", textErrors(" \n").get(0).detail());
        assertEquals("is required", textErrors(null).get(0).detail());
        assertEquals("has 101 characters; at most 100", textErrors("a".repeat(101)).get(0).detail());
    }

    @Test
    void summariesShowEverythingTheySay() {
        List<FieldError> errors = new ArrayList<>();
        assertTrue(FieldRules.summaryText("Prefers short answers with examples. 😀", "/text", 100, errors));
        for (String hidden : new String[]{"\u200b", "\u202e", "\u2066", "\ufeff", "\u00ad"}) {
            errors.clear();
            assertFalse(FieldRules.summaryText("Prefers" + hidden + " short answers.", "/text", 100, errors), hidden);
            assertTrue(errors.get(0).detail().contains("invisible formatting character"), errors.get(0).detail());
        }
        errors.clear();
        assertFalse(FieldRules.summaryText("a\u0007", "/text", 100, errors), "the rules of every text apply too");
    }

    @Test
    void idsAndTimes() {
        List<FieldError> errors = new ArrayList<>();
        assertTrue(FieldRules.id("alice.b@x:1-2_3", "/u", 128, errors));
        assertFalse(FieldRules.id("-leading", "/u", 128, errors));
        assertFalse(FieldRules.id("a\u0000", "/u", 128, errors));
        assertFalse(FieldRules.id("", "/u", 128, errors));
        assertTrue(FieldRules.timeInRange(OffsetDateTime.parse("1970-01-01T00:00:00Z"), "/t", errors));
        assertTrue(FieldRules.timeInRange(OffsetDateTime.parse("9999-12-31T23:59:59Z"), "/t", errors));
        assertFalse(FieldRules.timeInRange(OffsetDateTime.parse("1969-12-31T23:59:59Z"), "/t", errors));
        assertFalse(FieldRules.timeInRange(OffsetDateTime.parse("-999999999-01-01T00:00:00Z"), "/t", errors));
        assertEquals(5, errors.size());
    }
}
