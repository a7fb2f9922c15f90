package io.plus.methods;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConditioningTest {
    @Test
    void everyFixedKindIsAConditioningAndBindsBack() {
        for (ConditioningKind kind : ConditioningKind.values()) {
            assertEquals(Optional.of(kind), kind.conditioning().fixed(), kind.name());
            assertTrue(kind.conditioning().savable(), kind.name());
        }
        assertEquals(Optional.empty(), Conditioning.SUMMARY.fixed(), "PLUS writes summaries: no fixed binding");
        assertTrue(Conditioning.SUMMARY.savable());
        assertEquals(Optional.empty(), Conditioning.VPL_LATENT.fixed());
        assertFalse(Conditioning.VPL_LATENT.savable(), "VPL is a benchmark baseline");
    }

    @Test
    void namesAreReadExactly() {
        assertEquals(Optional.of(Conditioning.SUMMARY), Conditioning.of("SUMMARY"));
        assertEquals(Optional.empty(), Conditioning.of("summary"));
        assertEquals(Optional.empty(), Conditioning.of(null));
        assertEquals(Optional.empty(), Conditioning.of("TYPE"));
    }
}
