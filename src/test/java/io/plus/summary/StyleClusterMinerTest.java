package io.plus.summary;

import io.plus.data.Dataset;
import io.plus.data.GroundTruth;
import io.plus.data.PreferencePair;
import io.plus.data.Split;
import io.plus.encoder.TextEncoder;
import io.plus.encoder.Vectors;
import io.plus.methods.EmbeddingTable;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StyleClusterMinerTest {
    private static final List<String> STYLES = List.of("scholarly", "profitable", "playful", "poetic");
    private static final int DIM = 16;

    /**
     * Each answer's vector is its style's axis plus noise: the style shows in the embedding of every
     * answer, while the style's own word is written in only a third of them, so no word divides the
     * users cleanly, only the direction does.
     */
    private static final TextEncoder STYLE_ENCODER = new TextEncoder() {
        public String id() {
            return "style-test";
        }

        public int dimension() {
            return DIM;
        }

        public float[][] embed(List<String> texts) {
            float[][] out = new float[texts.size()][];
            for (int i = 0; i < texts.size(); i++) {
                String text = texts.get(i);
                Random noise = new Random(text.hashCode());
                float[] v = new float[DIM];
                for (int k = 0; k < DIM; k++) {
                    v[k] = (float) (0.5 * noise.nextGaussian());
                }
                for (int s = 0; s < STYLES.size(); s++) {
                    if (text.startsWith("[" + s + "]")) {
                        v[s] += 2;
                    }
                }
                out[i] = Vectors.normalize(v);
            }
            return out;
        }

        public void close() {
        }
    };

    /** 6 training users per style and one unseen user per style with 3 context queries. */
    private static Dataset styledUsers() {
        List<PreferencePair> pairs = new ArrayList<>();
        int user = 0;
        for (int s = 0; s < STYLES.size(); s++) {
            for (int u = 0; u < 7; u++, user++) {
                boolean unseen = u == 6;
                for (int q = 0; q < (unseen ? 3 : 12); q++) {
                    Split split = unseen || q < 3 ? Split.CONTEXT : Split.TRAIN;
                    int query = user * 31 + q;
                    for (int o = 0; o < STYLES.size(); o++) {
                        if (o != s) {
                            pairs.add(new PreferencePair("p" + pairs.size(), "user" + user, "question " + query,
                                    answer(s, query), answer(o, query), null, split));
                        }
                    }
                }
            }
        }
        return new Dataset("styles", pairs, List.of(), GroundTruth.NONE);
    }

    private static String answer(int style, int query) {
        String word = query % 3 == 0 ? " " + STYLES.get(style) : "";
        return "[" + style + "] answer to question " + query + word + " number" + query + "x" + style;
    }

    @Test
    void groupsUsersByTheDirectionOfTheirChoicesAndNamesEachGroupByItsWords() {
        Dataset data = styledUsers();
        EmbeddingTable embeddings = EmbeddingTable.embed(data, STYLE_ENCODER, done -> { });
        List<Statement> styles = StyleClusterMiner.defaults(1).mine(data, embeddings);

        // 24 training users, one group per 6: four styles, each named by its own word
        assertEquals(4, styles.size(), styles.toString());
        for (Statement statement : styles) {
            assertEquals(StyleClusterMiner.STYLE_FEATURE, statement.feature());
            assertEquals(1.0, Vectors.norm(statement.direction()), 1e-4);
            assertTrue(statement.heldOutPhrasings().stream().noneMatch(statement.phrasings()::contains));
        }
        for (String word : STYLES) {
            assertEquals(1, styles.stream().filter(st -> st.text().contains(word)).count(),
                    "exactly one statement names " + word + ": " + styles.stream().map(Statement::text).toList());
            // what the evaluator reads as the statement's claims: the stems it is named by
            Statement named = styles.stream().filter(st -> st.text().contains(word)).findFirst().orElseThrow();
            assertTrue(StyleClusterMiner.namedStems(named).contains(word), StyleClusterMiner.namedStems(named).toString());
        }
        StatementBank lexical = StatementMiner.defaults().mine(data);
        assertTrue(lexical.all().stream().allMatch(st -> StyleClusterMiner.namedStems(st).isEmpty()));
    }

    @Test
    void anUnseenUsersContextPointsToTheStatementOfTheirStyle() {
        Dataset data = styledUsers();
        EmbeddingTable embeddings = EmbeddingTable.embed(data, STYLE_ENCODER, done -> { });
        StatementBank bank = StatementMiner.defaults().mine(data)
                .extendedWith(StyleClusterMiner.defaults(1).mine(data, embeddings));
        var contexts = UserContexts.of(data, embeddings, bank);
        for (int s = 0; s < STYLES.size(); s++) {
            String unseen = "user" + (s * 7 + 6);
            float[] evidence = contexts.get(unseen).evidence();
            int best = -1;
            for (int i = 0; i < bank.size(); i++) {
                assertTrue(evidence[i] >= -1 && evidence[i] <= 1, "evidence stays in [-1, 1]");
                if (bank.get(i).direction() != null && (best < 0 || evidence[i] > evidence[best])) {
                    best = i;
                }
            }
            assertTrue(bank.get(best).text().contains(STYLES.get(s)),
                    unseen + " prefers " + STYLES.get(s) + " but its context points to " + bank.get(best).text());
        }
    }

    /**
     * Two sub-styles per style (each with a word of its own, and a direction of its own, weaker than
     * the style's): eight groups for four styles, the over-splitting the miner asks for.
     */
    private static Dataset subStyledUsers() {
        List<PreferencePair> pairs = new ArrayList<>();
        int user = 0;
        for (int s = 0; s < STYLES.size(); s++) {
            for (int sub = 0; sub < 2; sub++) {
                for (int u = 0; u < 6; u++, user++) {
                    for (int q = 0; q < 12; q++) {
                        int query = user * 31 + q;
                        for (int o = 0; o < STYLES.size(); o++) {
                            if (o != s) {
                                pairs.add(new PreferencePair("p" + pairs.size(), "user" + user, "question " + query,
                                        subAnswer(s, sub, query), subAnswer(o, sub, query), null,
                                        q < 3 ? Split.CONTEXT : Split.TRAIN));
                            }
                        }
                    }
                }
            }
        }
        return new Dataset("sub-styles", pairs, List.of(), GroundTruth.NONE);
    }

    private static String subAnswer(int style, int sub, int query) {
        String word = switch (query % 3) {
            case 0 -> STYLES.get(style);
            case 1 -> STYLES.get(style) + "ish";
            default -> (sub == 0 ? "alpha" : "omega") + STYLES.get(style);
        };
        return "[" + style + "." + sub + "] answer to question " + query + " " + word + " number" + query + "x" + style;
    }

    private static final TextEncoder SUB_STYLE_ENCODER = new TextEncoder() {
        public String id() {
            return "sub-style-test";
        }

        public int dimension() {
            return DIM;
        }

        public float[][] embed(List<String> texts) {
            float[][] out = new float[texts.size()][];
            for (int i = 0; i < texts.size(); i++) {
                String text = texts.get(i);
                Random noise = new Random(text.hashCode());
                float[] v = new float[DIM];
                for (int k = 0; k < DIM; k++) {
                    v[k] = (float) (0.3 * noise.nextGaussian());
                }
                for (int s = 0; s < STYLES.size(); s++) {
                    for (int sub = 0; sub < 2; sub++) {
                        if (text.startsWith("[" + s + "." + sub + "]")) {
                            v[s] += 2;
                            v[STYLES.size() + 2 * s + sub] += 1.5f;
                        }
                    }
                }
                out[i] = Vectors.normalize(v);
            }
            return out;
        }

        public void close() {
        }
    };

    @Test
    void groupsOfOneStyleNamedByMostlyTheSameWordsBecomeOneStatement() {
        Dataset data = subStyledUsers();
        EmbeddingTable embeddings = EmbeddingTable.embed(data, SUB_STYLE_ENCODER, done -> { });
        // 48 training users, one group per 6: eight groups, two per style, whose names share the style's words
        List<Statement> styles = StyleClusterMiner.defaults(1).mine(data, embeddings);

        assertEquals(4, styles.size(), styles.stream().map(Statement::text).toList().toString());
        for (String word : STYLES) {
            assertEquals(1, styles.stream().filter(st -> StyleClusterMiner.namedStems(st).contains(word)).count(),
                    "exactly one statement names " + word + ": " + styles.stream().map(Statement::text).toList());
        }
    }

    /**
     * Scholarly users turn down answers that say "sure"; profitable users never see the word. Beside
     * the scholarly users, the profitable ones lean to "sure" by comparison, but not at all themselves.
     * Scholarly users also chose one answer in twelve that says "maybe": too faint beside "scholarly".
     */
    @Test
    void aGroupIsNamedOnlyByWordsItsOwnUsersFavour() {
        List<PreferencePair> pairs = new ArrayList<>();
        for (int user = 0; user < 12; user++) {
            int style = user < 6 ? 0 : 1;
            for (int q = 0; q < 12; q++) {
                int query = user * 31 + q;
                String other = answer(1 - style, query) + (style == 0 ? " sure" : "");
                String chosen = answer(style, query) + (style == 0 && q == 1 ? " maybe" : "");
                pairs.add(new PreferencePair("p" + pairs.size(), "user" + user, "question " + query,
                        chosen, other, null, q < 3 ? Split.CONTEXT : Split.TRAIN));
            }
        }
        Dataset data = new Dataset("unlike", pairs, List.of(), GroundTruth.NONE);
        EmbeddingTable embeddings = EmbeddingTable.embed(data, STYLE_ENCODER, done -> { });
        List<Statement> styles = StyleClusterMiner.defaults(1).mine(data, embeddings);

        List<List<String>> names = styles.stream().map(StyleClusterMiner::namedStems).toList();
        assertTrue(names.contains(List.of("profitable")), names.toString());
        assertTrue(names.contains(List.of("scholarly")), names.toString());
    }

    @Test
    void tooFewUsersToGroupGiveNoStyleStatements() {
        Dataset data = styledUsers();
        Dataset fewUsers = new Dataset("few", data.pairs().stream()
                .filter(p -> p.user().equals("user0") || p.user().equals("user7")).toList(), List.of(), GroundTruth.NONE);
        EmbeddingTable embeddings = EmbeddingTable.embed(fewUsers, STYLE_ENCODER, done -> { });
        assertTrue(StyleClusterMiner.defaults(1).mine(fewUsers, embeddings).isEmpty());
    }
}
