package io.plus.eval;

import org.junit.jupiter.api.Test;

import java.util.AbstractMap.SimpleEntry;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImpliedPreferencesTest {
    private static List<Map.Entry<String, Integer>> statements(Object... featureAndPolarity) {
        List<Map.Entry<String, Integer>> list = new java.util.ArrayList<>();
        for (int i = 0; i < featureAndPolarity.length; i += 2) {
            list.add(new SimpleEntry<>((String) featureAndPolarity[i], (Integer) featureAndPolarity[i + 1]));
        }
        return list;
    }

    @Test
    void aSummaryNamesThePreferenceWhenItAgreesAndNeverContradicts() {
        ImpliedPreferences.Implied helpful = ImpliedPreferences.of("pets", "helpful").orElseThrow();
        assertTrue(ImpliedPreferences.named(helpful, statements("dog", 1)));
        assertTrue(ImpliedPreferences.named(helpful, statements("dog", 1, "walk", 1)));
        assertFalse(ImpliedPreferences.named(helpful, statements("cat", 1)), "the other type's preference");
        assertFalse(ImpliedPreferences.named(helpful, statements("dog", 1, "cat", 1)), "contradiction");
        assertFalse(ImpliedPreferences.named(helpful, statements("#length", 1)), "true of the data, but not the type");
        ImpliedPreferences.Implied concise = ImpliedPreferences.of("attributes", "concise").orElseThrow();
        assertTrue(ImpliedPreferences.named(concise, statements("#length", -1)), "prefers short answers");
        assertTrue(ImpliedPreferences.of("dsp", "academy").isEmpty(), "real data has no generator to judge by");
    }
}
