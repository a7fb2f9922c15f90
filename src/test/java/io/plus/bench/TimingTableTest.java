package io.plus.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TimingTableTest {
    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(2.0, TimingTable.median(List.of(3.0, 1.0, 2.0)));
        assertEquals(2.5, TimingTable.median(List.of(4.0, 1.0, 2.0, 3.0)));
        assertEquals(7.0, TimingTable.median(List.of(7.0)));
    }
}
