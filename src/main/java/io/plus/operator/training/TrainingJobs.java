package io.plus.operator.training;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.plus.operator.api.DataSelection;
import io.plus.operator.api.HyperParameters;
import io.plus.operator.api.TrainingRun;
import io.plus.operator.api.TrainingRunSpec;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Job of a TrainingRun: one per run, named after it, owned by it, running {@code train-run}
 * with flags from the spec. The model version and the training-run id include the run's UID, so a
 * retried pod finds its own candidate and a re-created run of the same name trains anew.
 */
final class TrainingJobs {
    /** Carries the run's UID: the Job informer selects on it. */
    static final String RUN_LABEL = "plus.io/training-run";
    static final String CONTAINER = "trainer";
    private static final String VOLUME = "model-store";
    private static final String TMP_VOLUME = "tmp";
    /** The group the images run as (user and group 185, as in the Dockerfiles). */
    private static final long IMAGE_GROUP = 185L;
    private static final int MAX_NAME = 63; // Job names end up in a label value

    private TrainingJobs() {
    }

    /** {@code <run>-train}, shortened with a digest when the run's name is long. */
    static String jobName(TrainingRun run) {
        String name = run.getMetadata().getName() + "-train";
        if (name.length() <= MAX_NAME) {
            return name;
        }
        String digest = digest(run.getMetadata().getName()).substring(0, 8);
        String prefix = run.getMetadata().getName().substring(0, MAX_NAME - 16).replaceAll("[^a-z0-9]+$", "");
        return prefix + "-" + digest + "-train";
    }

    /** The model version the run's Job registers: {@code <run>-<first 8 of its UID>}. */
    static String modelVersion(TrainingRun run) {
        String name = run.getMetadata().getName();
        return (name.length() > 100 ? name.substring(0, 100) : name) + "-" + uidPrefix(run);
    }

    static Job build(TrainingRun run) {
        TrainingRunSpec spec = run.getSpec();
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app.kubernetes.io/name", "plus");
        labels.put("app.kubernetes.io/component", "trainer");
        labels.put(RUN_LABEL, run.getMetadata().getUid()); // a UID always fits a label value; a run name may not
        return new JobBuilder()
                .withNewMetadata()
                    .withName(jobName(run))
                    .withNamespace(run.getMetadata().getNamespace())
                    .withLabels(labels)
                    .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion(run.getApiVersion())
                            .withKind(run.getKind()).withName(run.getMetadata().getName())
                            .withUid(run.getMetadata().getUid()).withController(true).withBlockOwnerDeletion(true)
                            .build())
                .endMetadata()
                .withNewSpec()
                    .withBackoffLimit(spec.backoffLimit)
                    .withActiveDeadlineSeconds(spec.activeDeadlineSeconds)
                    .withTtlSecondsAfterFinished(spec.ttlSecondsAfterFinished)
                    .withSuspend(Boolean.TRUE.equals(spec.suspend))
                    // invalid arguments (2) and too little data (3) do not get better on a retry
                    .withNewPodFailurePolicy().addNewRule().withAction("FailJob").withNewOnExitCodes()
                        .withContainerName(CONTAINER).withOperator("In").withValues(2, 3).endOnExitCodes().endRule()
                    .endPodFailurePolicy()
                    .withNewTemplate()
                        .withNewMetadata().withLabels(labels).endMetadata()
                        .withNewSpec()
                            .withRestartPolicy("Never")
                            .withServiceAccountName(spec.serviceAccountName)
                            // the trainer talks to PostgreSQL and the model store, never to the Kubernetes API
                            .withAutomountServiceAccountToken(false)
                            .withNewSecurityContext()
                                .withRunAsNonRoot(true)
                                .withFsGroup(IMAGE_GROUP) // the model store is written by the image's group
                                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                            .endSecurityContext()
                            .withNodeSelector(spec.nodeSelector)
                            .withTolerations(spec.tolerations)
                            .withContainers(container(run))
                            .addNewVolume().withName(VOLUME).withNewPersistentVolumeClaim()
                                .withClaimName(spec.modelStore.persistentVolumeClaim).endPersistentVolumeClaim()
                            .endVolume()
                            .addNewVolume().withName(TMP_VOLUME).withNewEmptyDir().endEmptyDir().endVolume()
                        .endSpec()
                    .endTemplate()
                .endSpec()
                .build();
    }

    private static Container container(TrainingRun run) {
        TrainingRunSpec spec = run.getSpec();
        List<EnvVar> env = new ArrayList<>();
        env.add(new EnvVar("PLUS_DB_URL", spec.database.url, null));
        env.add(secretEnv("PLUS_DB_USER", spec.database.credentialsSecret, "username"));
        env.add(secretEnv("PLUS_DB_PASSWORD", spec.database.credentialsSecret, "password"));
        env.add(new EnvVar("DJL_OFFLINE", "true", null));
        env.add(new EnvVar("DJL_CACHE_DIR", "/tmp/djl", null));
        env.add(new EnvVar("PLUS_LOG_JSON", "true", null));
        if (spec.env != null) {
            env.addAll(spec.env);
        }
        return new ContainerBuilder()
                .withName(CONTAINER)
                .withImage(spec.image)
                .withCommand(spec.command)
                .withArgs(args(run))
                .withEnv(env)
                .withResources(spec.resources)
                .withTerminationMessagePath("/dev/termination-log")
                .withTerminationMessagePolicy("FallbackToLogsOnError")
                .addNewVolumeMount().withName(VOLUME).withMountPath(mountPath(spec)).endVolumeMount()
                // the root filesystem is read-only: /tmp is the one scratch space (DJL's caches among it;
                // the trainer image ships libtorch unpacked where ENGINE_CACHE_DIR points)
                .addNewVolumeMount().withName(TMP_VOLUME).withMountPath("/tmp").endVolumeMount()
                .withNewSecurityContext()
                    .withAllowPrivilegeEscalation(false)
                    .withReadOnlyRootFilesystem(true)
                    .withNewCapabilities().withDrop("ALL").endCapabilities()
                .endSecurityContext()
                .build();
    }

    static List<String> args(TrainingRun run) {
        TrainingRunSpec spec = run.getSpec();
        HyperParameters h = spec.hyperParameters != null ? spec.hyperParameters : new HyperParameters();
        DataSelection d = spec.data != null ? spec.data : new DataSelection();
        List<String> args = new ArrayList<>(List.of("train-run"));
        for (String tenant : spec.tenants) {
            args.addAll(List.of("--tenant", tenant));
        }
        args.addAll(List.of("--method", spec.method != null ? spec.method : "PLUS",
                "--iterations", String.valueOf(h.iterations), "--epochs", String.valueOf(h.epochs),
                "--seed", String.valueOf(h.seed),
                "--min-users", String.valueOf(d.minUsers), "--min-pairs", String.valueOf(d.minPairs),
                "--unseen-user-share", plain(d.unseenUserShare), "--seen-test-share", plain(d.seenTestShare),
                "--context-pairs", String.valueOf(d.contextPairs),
                "--model-store", spec.modelStore.uri, "--model-version", modelVersion(run),
                "--training-run", run.getMetadata().getUid()));
        if (spec.args != null) {
            args.addAll(spec.args);
        }
        return args;
    }

    static String mountPath(TrainingRunSpec spec) {
        return URI.create(spec.modelStore.uri).getPath();
    }

    /** Digest of everything in the spec that shapes the Job but {@code suspend}, which may change. */
    static String specDigest(TrainingRun run) {
        Job job = build(run);
        job.getSpec().setSuspend(null);
        return digest(job.getSpec().toString() + job.getMetadata().getLabels());
    }

    private static EnvVar secretEnv(String name, String secret, String key) {
        return new EnvVarBuilder().withName(name).withNewValueFrom().withNewSecretKeyRef()
                .withName(secret).withKey(key).endSecretKeyRef().endValueFrom().build();
    }

    private static String plain(Double value) {
        return String.format(Locale.ROOT, "%s", value);
    }

    private static String uidPrefix(TrainingRun run) {
        String uid = run.getMetadata().getUid();
        return uid == null ? "nouid" : uid.replace("-", "").substring(0, Math.min(8, uid.replace("-", "").length()));
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
