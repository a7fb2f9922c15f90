package io.plus.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class TokenWindowsTest {

    private static long[] sequence(int contentTokens) {
        long[] ids = new long[contentTokens + 2];
        ids[0] = 101;
        for (int i = 1; i <= contentTokens; i++) {
            ids[i] = 1000 + i;
        }
        ids[ids.length - 1] = 102;
        return ids;
    }

    @Test
    void shortSequenceIsOneWindow() {
        long[] ids = sequence(126);
        List<TokenWindows.Window> windows = TokenWindows.split(ids, 128, 16);
        assertEquals(1, windows.size());
        assertEquals(128, windows.get(0).ids().length);
    }

    @Test
    void longSequenceIsCoveredByBoundedOverlappingWindows() {
        long[] ids = sequence(400);
        List<TokenWindows.Window> windows = TokenWindows.split(ids, 128, 16);
        assertTrue(windows.size() >= 4);
        long last = 1000;
        for (TokenWindows.Window w : windows) {
            long[] t = w.ids();
            assertTrue(t.length <= 128);
            assertEquals(101, t[0]);
            assertEquals(102, t[t.length - 1]);
            assertTrue(t[1] <= last + 1, "gap before window starting at " + t[1]);
            last = t[t.length - 2];
        }
        assertEquals(1400, last, "last content token is covered");
    }
}
