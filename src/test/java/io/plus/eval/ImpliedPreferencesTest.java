package io.plus.eval;

import io.plus.data.UserTruth;
import io.plus.eval.ImpliedPreferences.Claim;
import io.plus.eval.ImpliedPreferences.Preference;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImpliedPreferencesTest {
    private static List<Claim> claims(Object... featureAndPolarity) {
        List<Claim> list = new java.util.ArrayList<>();
        for (int i = 0; i < featureAndPolarity.length; i += 2) {
            list.add(new Claim((String) featureAndPolarity[i], (Integer) featureAndPolarity[i + 1]));
        }
        return list;
    }

    private static List<Preference> of(String dataset, String type, double... latent) {
        return ImpliedPreferences.of(dataset, new UserTruth("u", type, latent)).orElseThrow();
    }

    @Test
    void aSummaryNamesThePreferenceWhenItAgreesAndNeverContradicts() {
        List<Preference> helpful = of("pets", "helpful", 1, 0);
        assertTrue(ImpliedPreferences.named(helpful, claims("dog", 1)));
        assertTrue(ImpliedPreferences.named(helpful, claims("dog", 1, "walk", 1)));
        assertFalse(ImpliedPreferences.named(helpful, claims("cat", 1)), "the other type's preference");
        assertFalse(ImpliedPreferences.named(helpful, claims("dog", 1, "cat", 1)), "contradiction");
        assertFalse(ImpliedPreferences.named(helpful, claims("#length", 1)), "true of the data, but not the type");
        List<Preference> concise = of("attributes", "concise", 1, 0, 0, 0);
        assertTrue(ImpliedPreferences.named(concise, claims("#length", -1)), "prefers short answers");
        assertTrue(ImpliedPreferences.of("dsp", new UserTruth("u", "academy", new double[] {1})).isEmpty(),
                "real data has no generator to judge by");
    }

    @Test
    void aMixtureUserIsNamedWhenEveryWeightyPreferenceIs() {
        // concise 0.6, with-examples 0.4: both must be named
        List<Preference> both = of("attributes-mix", "concise+with-examples", 0.6, 0, 0, 0.4);
        assertEquals(2, both.size());
        assertEquals(0.4, both.get(1).weight(), 1e-12);
        assertFalse(ImpliedPreferences.named(both, claims("#length", -1)), "one of two preferences");
        assertTrue(ImpliedPreferences.named(both, claims("#length", -1, "example", 1)));
        assertFalse(ImpliedPreferences.named(both, claims("#length", -1, "example", 1, "#length", 1)),
                "a claim against a preference");
        // formal 0.8, cautious 0.2: the light preference need not be named
        List<Preference> formalMostly = of("attributes-mix", "formal+cautious", 0, 0.8, 0.2, 0);
        assertTrue(ImpliedPreferences.named(formalMostly, claims("certainly", 1)));
        // "furthermore" is formal wording and detail a concise user avoids: favouring it agrees with formal
        List<Preference> conciseFormal = of("attributes-mix", "concise+formal", 0.5, 0.5, 0, 0);
        assertTrue(ImpliedPreferences.named(conciseFormal, claims("#length", -1, "furthermore", 1)));
    }

    @Test
    void aStatementIsImpliedWhenMostOfWhatItNamesAgreesAndNothingContradicts() {
        List<Preference> harmless = of("pets", "harmless", 0, 1);
        assertTrue(ImpliedPreferences.implied(harmless, claims("cat", 1)));
        assertFalse(ImpliedPreferences.implied(harmless, claims("cat", 1, "rabbit", 1, "preference", 1)),
                "one pet word in three");
        assertTrue(ImpliedPreferences.implied(harmless, claims("cat", 1, "kitten", 1)), "half");
        assertFalse(ImpliedPreferences.implied(harmless, claims("cat", 1, "dog", 1)), "a contradiction");
        assertFalse(ImpliedPreferences.implied(harmless, claims("#length", -1)), "true of some users, not of this type");
        assertFalse(ImpliedPreferences.implied(harmless, claims()), "a statement that claims nothing checkable");
    }

    @Test
    void anAttributeLeansToTheWordsOnlyItsPoleWritesAndNoTopicWord() {
        Preference cautious = of("attributes", "cautious", 0, 0, 1, 0).get(0);
        // "Better safe than sorry, right?" and "Please consult a qualified professional …"
        assertTrue(cautious.implied().towards().containsAll(List.of("better", "safe", "sorry", "right", "consult",
                "qualified", "professional")), cautious.implied().towards().toString());
        // "No further precautions are necessary; you may proceed directly." / "That's it, just go for it!"
        assertTrue(cautious.implied().awayFrom().containsAll(List.of("further", "precaution", "necessary", "proceed",
                "directly")), cautious.implied().awayFrom().toString());
        Preference formal = of("attributes", "formal", 0, 1, 0, 0).get(0);
        assertTrue(formal.implied().towards().containsAll(List.of("certainly", "regarding", "consider", "please")),
                formal.implied().towards().toString());
        assertTrue(formal.implied().awayFrom().containsAll(List.of("sure", "thing", "deal", "here")),
                formal.implied().awayFrom().toString());
        Preference examples = of("attributes", "with-examples", 0, 0, 0, 1).get(0);
        assertEquals(java.util.Set.of("example", "instance", "like"), examples.implied().towards(),
                "\"For example,\" and \"Like, for instance,\"");
        assertTrue(examples.implied().awayFrom().isEmpty(), "nothing is written only without an example");
        Preference concise = of("attributes", "concise", 1, 0, 0, 0).get(0);
        assertTrue(concise.implied().towards().isEmpty());
        assertTrue(concise.implied().awayFrom().containsAll(List.of("#length", "furthermore", "rundown", "overview")));
        // "Sure thing! So, about <subject>, here's the deal." is in both poles of everything but formality
        assertFalse(concise.implied().awayFrom().contains("sure"));
        assertFalse(cautious.implied().towards().contains("about"));
    }
}
