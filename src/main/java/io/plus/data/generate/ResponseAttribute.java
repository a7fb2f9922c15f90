package io.plus.data.generate;

/**
 * The binary response attributes of the attributes dataset. A response's attributes are a 4-bit
 * mask: bit {@code ordinal()} set means the {@link #positivePole()}, clear the negative pole.
 */
public enum ResponseAttribute {
    CONCISE("concise", "detailed"),
    FORMAL("formal", "casual"),
    CAUTIOUS("cautious", "direct"),
    EXAMPLES("with-examples", "without-examples");

    public static final int COMBINATIONS = 1 << 4;

    private final String positivePole;
    private final String negativePole;

    ResponseAttribute(String positivePole, String negativePole) {
        this.positivePole = positivePole;
        this.negativePole = negativePole;
    }

    public String positivePole() {
        return positivePole;
    }

    public String negativePole() {
        return negativePole;
    }

    public boolean in(int mask) {
        return (mask & (1 << ordinal())) != 0;
    }

    /** +1 for the positive pole, -1 for the negative one. */
    public int sign(int mask) {
        return in(mask) ? 1 : -1;
    }
}
