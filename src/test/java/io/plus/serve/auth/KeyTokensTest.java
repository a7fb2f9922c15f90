package io.plus.serve.auth;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyTokensTest {
    @Test
    void aTokenParsesBackToItsKeyIdAndOnlyItsSecretMatches() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            KeyTokens.NewToken token = KeyTokens.generate();
            KeyTokens.Parsed parsed = KeyTokens.parse(token.token()).orElseThrow();
            assertEquals(token.keyId(), parsed.keyId());
            assertTrue(KeyTokens.matches(parsed.secret(), token.secretSha256()));
            assertFalse(KeyTokens.matches(parsed.secret() + "x", token.secretSha256()));
            ids.add(token.keyId());
        }
        assertEquals(200, ids.size(), "key ids do not repeat");
    }

    @Test
    void whatIsNotATokenIsRefusedBeforeAnyLookup() {
        for (String bad : new String[]{null, "", "plus_", "plus_short_x", "Bearer plus_x", "other_AAAAAAAAAAAA_secret",
                "plus_" + "A".repeat(12) + "_", "plus_" + "A".repeat(300)}) {
            assertEquals(Optional.empty(), KeyTokens.parse(bad), String.valueOf(bad));
        }
    }
}
