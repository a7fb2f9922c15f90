package io.plus.data.generate;

import java.util.Locale;

/**
 * The four kinds of pet statements in the Pets recipe, each a fixed combination of the two values
 * the user types care about.
 */
public enum Animal {
    BIRD(true, true),
    DOG(true, false),
    CAT(false, true),
    RABBIT(false, false);

    private final boolean helpful;
    private final boolean harmless;

    Animal(boolean helpful, boolean harmless) {
        this.helpful = helpful;
        this.harmless = harmless;
    }

    public boolean helpful() {
        return helpful;
    }

    public boolean harmless() {
        return harmless;
    }

    /** Lower-case name, also the pool's resource file name. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
