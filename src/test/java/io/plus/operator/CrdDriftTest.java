package io.plus.operator;

import io.fabric8.crdv2.generator.CRDGenerator;
import io.plus.operator.api.ModelRollout;
import io.plus.operator.api.TrainingRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The CRDs in k8s/crds (what the Helm chart installs) are exactly what the generator makes of the
 * classes in io.plus.operator.api — the generator the build runs too (its output lands in
 * target/kubernetes). After changing a class:
 * {@code ./mvnw -B -DskipTests package && cp target/kubernetes/*.plus.io-v1.yml k8s/crds/}.
 */
class CrdDriftTest {
    @Test
    void committedCrdsAreWhatTheClassesGenerate(@TempDir Path out) throws IOException {
        new CRDGenerator().customResourceClasses(TrainingRun.class, ModelRollout.class).forCRDVersions("v1")
                .inOutputDir(out.toFile()).generate();
        for (String file : List.of("trainingruns.plus.io-v1.yml", "modelrollouts.plus.io-v1.yml")) {
            Path committed = Path.of("k8s", "crds", file);
            assertEquals(Files.readString(out.resolve(file)), Files.readString(committed),
                    committed + " drifted from the classes: regenerate it (see this test's comment)");
        }
    }
}
