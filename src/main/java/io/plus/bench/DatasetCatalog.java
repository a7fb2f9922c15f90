package io.plus.bench;

import io.plus.data.ContextUnit;
import io.plus.data.Dataset;
import io.plus.data.generate.AttributesGenerator;
import io.plus.data.generate.DspLoader;
import io.plus.data.generate.PetsGenerator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;


/** The named benchmark datasets and how each is made for a seed, in full or quick size. */
public final class DatasetCatalog {
    public static final List<String> SYNTHETIC = List.of("pets", "pets-ood", "attributes", "attributes-mix");
    public static final String DSP = "dsp";
    /** Context units of each unseen user in the main tables: what every user of the built-in sets has. */
    public static final int TABLE_CONTEXT = 3;
    /** Context units of each unseen user for the cold-start curve (its largest budget). */
    public static final int CURVE_CONTEXT = 8;

    private DatasetCatalog() {
    }

    public static List<String> defaultNames(boolean dspAvailable) {
        List<String> names = new ArrayList<>(SYNTHETIC);
        if (dspAvailable) {
            names.add(DSP);
        }
        return names;
    }

    /**
     * Unseen users get {@link #CURVE_CONTEXT} context units for the cold-start curve, the extra ones
     * made after everything else; the main tables read the first {@link #TABLE_CONTEXT} of them, as every
     * seen user has, so those tables are what they were before the curve existed.
     */
    public static DatasetSource source(String name, boolean quick, Optional<Path> dspFile) {
        return switch (name) {
            case "pets" -> named(name, ContextUnit.PAIR, seed -> PetsGenerator.generate(pets(quick, seed)));
            case "pets-ood" -> named(name, ContextUnit.PAIR, seed -> PetsGenerator.generate(pets(quick, seed).withOod(true)));
            case "attributes" -> attributes(name, quick, AttributesGenerator.Variant.SINGLE);
            case "attributes-mix" -> attributes(name, quick, AttributesGenerator.Variant.MIXTURE);
            case DSP -> {
                Path file = dspFile.orElseThrow(() -> new IllegalArgumentException(
                        "dataset dsp needs the DSP file: give --dsp-file or set PLUS_DSP_FILE"));
                // DSP is small: quick and full runs deal out the same users
                yield named(name, ContextUnit.QUERY, seed -> DspLoader.load(file,
                        DspLoader.Config.defaults(seed).withUnseenContextQueries(CURVE_CONTEXT)));
            }
            default -> throw new IllegalArgumentException("unknown dataset '" + name + "' (known: "
                    + defaultNames(true) + ")");
        };
    }

    private static PetsGenerator.Config pets(boolean quick, long seed) {
        return (quick ? PetsGenerator.Config.quick(seed) : PetsGenerator.Config.full(seed))
                .withUnseenContextPairs(CURVE_CONTEXT);
    }

    /** The DSP file from the option, else from {@code PLUS_DSP_FILE}; it must exist when named. */
    public static Optional<Path> dspFile(Path option) {
        Path file = option;
        if (file == null) {
            String env = System.getenv("PLUS_DSP_FILE");
            file = env == null || env.isBlank() ? null : Path.of(env);
        }
        if (file != null && !Files.isRegularFile(file)) {
            throw new IllegalArgumentException("DSP file not found: " + file);
        }
        return Optional.ofNullable(file);
    }

    private static DatasetSource attributes(String name, boolean quick, AttributesGenerator.Variant variant) {
        return named(name, ContextUnit.PAIR, seed -> AttributesGenerator.generate((quick
                ? AttributesGenerator.Config.quick(seed, variant) : AttributesGenerator.Config.full(seed, variant))
                .withUnseenContextPairs(CURVE_CONTEXT)));
    }

    /** Makes a dataset for a seed. */
    @FunctionalInterface
    private interface Loader {
        Dataset load(long seed) throws IOException;
    }

    private static DatasetSource named(String name, ContextUnit unit, Loader loader) {
        return new DatasetSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Dataset load(long seed) throws IOException {
                return loader.load(seed);
            }

            @Override
            public ContextUnit contextUnit() {
                return unit;
            }

            @Override
            public OptionalInt contextBudget() {
                return OptionalInt.of(TABLE_CONTEXT);
            }
        };
    }
}
