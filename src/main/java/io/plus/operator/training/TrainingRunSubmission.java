package io.plus.operator.training;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.plus.operator.api.TrainingRun;

import java.io.InputStream;
import java.util.List;

/**
 * Creates a TrainingRun from a manifest, as the scheduled training does: a name is generated from
 * {@code metadata.generateName} (or the manifest's name) so each scheduled run is a new resource,
 * and a spec the operator would refuse is refused here first, before anything is created.
 */
public final class TrainingRunSubmission {
    private final KubernetesClient client;

    public TrainingRunSubmission(KubernetesClient client) {
        this.client = client;
    }

    /** Thrown for a manifest that is not a valid TrainingRun; nothing was created. */
    public static final class InvalidManifest extends RuntimeException {
        public InvalidManifest(String message) {
            super(message);
        }
    }

    public TrainingRun submit(InputStream manifest) {
        TrainingRun run;
        try {
            run = client.getKubernetesSerialization().unmarshal(manifest, TrainingRun.class);
        } catch (RuntimeException e) {
            throw new InvalidManifest("not a TrainingRun manifest: " + e.getMessage());
        }
        if (run == null || run.getSpec() == null || !"TrainingRun".equals(run.getKind())) {
            throw new InvalidManifest("the manifest must be one TrainingRun (kind: TrainingRun) with a spec");
        }
        List<String> problems = TrainingRunValidation.problems(run.getSpec());
        if (!problems.isEmpty()) {
            throw new InvalidManifest(String.join("; ", problems));
        }
        var metadata = run.getMetadata();
        if (metadata.getGenerateName() == null) {
            metadata.setGenerateName((metadata.getName() != null ? metadata.getName() : "training") + "-");
        }
        metadata.setName(null);
        String namespace = metadata.getNamespace() != null ? metadata.getNamespace() : client.getNamespace();
        metadata.setNamespace(namespace);
        return client.resources(TrainingRun.class).inNamespace(namespace).resource(run).create();
    }
}
