package io.plus.data.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plus.data.Dataset;
import io.plus.data.PreferencePair;
import io.plus.data.Split;
import io.plus.data.io.DatasetFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class DspLoaderTest {
    /** 2 seen + 1 unseen users per domain; 2 context, 5 training and 3 test queries each; 12 of 60 queries for tests. */
    private static final DspLoader.Config CONFIG = new DspLoader.Config(1, 2, 1, 2, 5, 3, 0.2);

    /** 60 queries whose answers name their style. */
    public static Path fixture(Path dir) throws Exception {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int q = 0; q < 60; q++) {
            Map<String, String> responses = new LinkedHashMap<>();
            for (String k : List.of("academy", "business", "entertainment", "literature", "normal")) {
                responses.put(k, k + " answer to question " + q);
            }
            entries.add(Map.of("query", "question " + q, "responses", responses));
        }
        Path file = dir.resolve("dsp.json");
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), entries);
        return file;
    }

    @Test
    void buildsDomainUsersWhoseTestQueriesAreNeverTrainedOn(@TempDir Path dir) throws Exception {
        Path file = fixture(dir);
        Dataset d = DspLoader.load(file, CONFIG);
        assertEquals(d, DspLoader.load(file, CONFIG));
        assertEquals(12, d.truth().users().size());
        for (PreferencePair p : d.pairs()) {
            String domain = d.truth().user(p.user()).orElseThrow().type();
            assertTrue(p.chosen().startsWith(domain + " answer"), p.toString());
            assertEquals(!p.rejected().startsWith("normal"), d.truth().pair(p.id()).orElseThrow().controversial());
        }
        Set<String> testQueries = d.pairs().stream().filter(p -> p.split() == Split.TEST_SEEN_USERS
                || p.split() == Split.TEST_UNSEEN_USERS).map(PreferencePair::prompt).collect(Collectors.toSet());
        Set<String> learnedFrom = d.pairs().stream().filter(p -> p.split() == Split.TRAIN || p.split() == Split.CONTEXT)
                .map(PreferencePair::prompt).collect(Collectors.toSet());
        assertTrue(testQueries.size() <= 12, "at most the test fifth of the queries: " + testQueries.size());
        assertTrue(testQueries.stream().noneMatch(learnedFrom::contains), "a test query was trained on or in a context");
        // users of different domains share queries: that is what makes pairs controversial
        Map<String, Set<String>> domainsPerQuery = new HashMap<>();
        d.pairs(Split.TRAIN).forEach(p -> domainsPerQuery.computeIfAbsent(p.prompt(), q -> new HashSet<>())
                .add(d.truth().user(p.user()).orElseThrow().type()));
        assertTrue(domainsPerQuery.values().stream().anyMatch(domains -> domains.size() > 1));
        d.contextPairsByUser().values().forEach(ctx -> {
            // the user's whole choice on each of 2 context queries: own domain's answer over the 4 others
            assertEquals(2 * 4, ctx.size());
            assertEquals(2, ctx.stream().map(PreferencePair::prompt).distinct().count());
            ctx.stream().collect(Collectors.groupingBy(PreferencePair::prompt)).values().forEach(query -> {
                assertEquals(1, query.stream().map(PreferencePair::chosen).distinct().count());
                assertEquals(4, query.stream().map(PreferencePair::rejected).distinct().count());
            });
        });
        d.contextPairsByUser().forEach((user, ctx) -> {
            Set<String> own = d.pairs().stream().filter(p -> p.user().equals(user) && p.split() == Split.TRAIN)
                    .map(PreferencePair::prompt).collect(Collectors.toSet());
            assertTrue(ctx.stream().noneMatch(p -> own.contains(p.prompt())), "context query reused in training");
        });
        Set<String> unseen = d.pairs(Split.TEST_UNSEEN_USERS).stream().map(PreferencePair::user).collect(Collectors.toSet());
        assertEquals(4, unseen.size());
        assertTrue(d.pairs(Split.TRAIN).stream().noneMatch(p -> unseen.contains(p.user())));
        // 8 seen users x 5 training and 3 test queries, 4 unseen users x 3 test queries; 4 pairs per query
        assertEquals(8 * 5 * 4, d.pairs(Split.TRAIN).size());
        assertEquals(8 * 3 * 4, d.pairs(Split.TEST_SEEN_USERS).size());
        assertEquals(4 * 3 * 4, d.pairs(Split.TEST_UNSEEN_USERS).size());
    }

    @Test
    void tooFewQueriesForTheConfigurationIsAClearError(@TempDir Path dir) throws Exception {
        Path file = fixture(dir);
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> DspLoader.load(file, new DspLoader.Config(1, 2, 1, 2, 47, 3, 0.2)));
        assertTrue(e.getMessage().contains("60 queries are too few"), e.getMessage());
    }

    @Test
    void pairsWithIdenticalAnswersAreSkippedAndReported(@TempDir Path dir) throws Exception {
        Path file = fixture(dir);
        String json = Files.readString(file).replace("\"normal answer to question 7\"", "\"\"")
                .replace("\"business answer to question 9\"", "\"academy answer to question 9\"");
        Files.writeString(file, json);
        DspLoader.Loaded loaded = DspLoader.loadWithReport(file, CONFIG);
        assertTrue(loaded.dataset().pairs().stream().noneMatch(p -> p.chosen().equals(p.rejected()) || p.rejected().isBlank()));
        assertTrue(loaded.skipped().stream().allMatch(s -> s.startsWith("dsp.json: entry ")), loaded.skipped().toString());
        // each skipped pair named once, and only the two damaged entries: entry 7 (any domain vs the
        // blank normal answer), entry 9 (academy and business answers now identical)
        assertEquals(loaded.skipped().size(), Set.copyOf(loaded.skipped()).size(), loaded.skipped().toString());
        assertTrue(loaded.skipped().stream().allMatch(s -> s.startsWith("dsp.json: entry 7: ")
                || s.startsWith("dsp.json: entry 9: ")), loaded.skipped().toString());
        assertFalse(loaded.skipped().isEmpty());
    }

    @Test
    void malformedFileNamesFileAndReason(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "[\n{\"query\": \"q\", \"responses\": {\"academy\": \"a\"}},\n{\"query\": \"\"}\n]");
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> DspLoader.load(file, CONFIG));
        assertTrue(e.getMessage().contains("broken.json:2: entry 0: missing field 'responses.business'"), e.getMessage());
        assertTrue(e.getMessage().contains("broken.json:3: entry 1: blank or non-string field 'query'"), e.getMessage());
        Files.writeString(file, "[{\"query\": ");
        e = assertThrows(DatasetFormatException.class, () -> DspLoader.load(file, CONFIG));
        assertTrue(e.getMessage().contains("broken.json:1: invalid JSON"), e.getMessage());
    }
}
