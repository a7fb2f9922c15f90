package io.plus.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CandidateRankingTest {

    @Test
    void ranksByRewardWithBradleyTerryProbabilityAgainstTheBest() {
        CandidateRanking.Ranked ranked = CandidateRanking.rank(new double[]{0.0, 2.0, 2.0, -1.0});
        assertEquals(List.of(1, 2, 0, 3), ranked.ranking(), "ties keep input order");
        assertEquals(1, ranked.results().get(1).rank());
        assertEquals(4, ranked.results().get(3).rank());
        assertEquals(0.5, ranked.results().get(1).pBeatsBest(), 1e-12);
        assertEquals(0.5, ranked.results().get(2).pBeatsBest(), 1e-12);
        assertEquals(1 / (1 + Math.exp(2.0)), ranked.results().get(0).pBeatsBest(), 1e-12);
        assertEquals(1 / (1 + Math.exp(3.0)), ranked.results().get(3).pBeatsBest(), 1e-12);
    }

    @Test
    void refusesAnEmptyList() {
        assertThrows(IllegalArgumentException.class, () -> CandidateRanking.rank(new double[0]));
    }
}
