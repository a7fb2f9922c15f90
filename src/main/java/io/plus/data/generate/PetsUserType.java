package io.plus.data.generate;

/**
 * The two Pets user types. Each ranks statements lexicographically: its own value first, the other
 * value only breaks ties. That reproduces the recipe's five agreed pair types and makes dog vs cat
 * the only pair on which the types disagree.
 */
public enum PetsUserType {
    HELPFUL("helpful", new double[]{1, 0}),
    HARMLESS("harmless", new double[]{0, 1});

    private final String typeName;
    private final double[] latent;

    PetsUserType(String typeName, double[] latent) {
        this.typeName = typeName;
        this.latent = latent;
    }

    public String typeName() {
        return typeName;
    }

    public double[] latent() {
        return latent.clone();
    }

    public int utility(Animal a) {
        int help = a.helpful() ? 1 : 0;
        int safe = a.harmless() ? 1 : 0;
        return this == HELPFUL ? 2 * help + safe : 2 * safe + help;
    }

    public boolean prefers(Animal a, Animal b) {
        return utility(a) > utility(b);
    }
}
