package io.plus.training;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ValidationSplitTest {
    @Test
    void holdsOutATenthOfTheGroupsWholeAndTheSameForTheSameSeed() {
        int[] groups = new int[1000];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = i / 5; // 200 prompts, 5 pairs each
        }
        boolean[] heldOut = ValidationSplit.heldOut(groups, 3);
        Map<Integer, Boolean> sideOfGroup = new HashMap<>();
        int rows = 0;
        for (int i = 0; i < groups.length; i++) {
            Boolean side = sideOfGroup.putIfAbsent(groups[i], heldOut[i]);
            assertEquals(side == null ? heldOut[i] : side, heldOut[i], "group " + groups[i] + " split across sides");
            rows += heldOut[i] ? 1 : 0;
        }
        assertEquals(100, rows, "20 of 200 groups, 5 rows each");
        assertArrayEquals(heldOut, ValidationSplit.heldOut(groups, 3));
    }

    @Test
    void holdsOutNothingWhenTooFewRowsWouldBeLeftToChooseAnEpochBy() {
        int[] groups = new int[200]; // a tenth is 20 rows, under the minimum
        for (int i = 0; i < groups.length; i++) {
            groups[i] = i;
        }
        for (boolean h : ValidationSplit.heldOut(groups, 1)) {
            assertFalse(h);
        }
    }
}
