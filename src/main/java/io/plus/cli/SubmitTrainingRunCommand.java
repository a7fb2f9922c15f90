package io.plus.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.plus.operator.api.TrainingRun;
import io.plus.operator.training.TrainingRunSubmission;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "submit-training-run", mixinStandardHelpOptions = true,
        description = {"Create a TrainingRun from a manifest (a new name each time, from metadata.generateName or "
                + "the name), in its namespace or the current one: what the Helm chart's training schedule runs. "
                + "Uses the pod's service account (or KUBECONFIG). Exit 0 created, 1 the API refused or is "
                + "unreachable, 2 the manifest is invalid (nothing created)."})
public class SubmitTrainingRunCommand implements Callable<Integer> {
    @Option(names = "--file", required = true, description = "the TrainingRun manifest (YAML or JSON)")
    Path file;

    @Inject
    KubernetesClient client;

    @Override
    public Integer call() {
        try (InputStream manifest = Files.newInputStream(file)) {
            TrainingRun created = new TrainingRunSubmission(client).submit(manifest);
            System.out.println("created TrainingRun " + created.getMetadata().getNamespace() + "/"
                    + created.getMetadata().getName());
            return 0;
        } catch (NoSuchFileException e) {
            System.err.println("error: no manifest at " + file);
            return 2;
        } catch (IOException e) {
            System.err.println("error: cannot read " + file + ": " + e.getMessage());
            return 2;
        } catch (TrainingRunSubmission.InvalidManifest e) {
            System.err.println("error: " + file + ": " + e.getMessage());
            return 2;
        } catch (KubernetesClientException e) {
            System.err.println("error: the TrainingRun was not created: " + (e.getStatus() != null
                    && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : e.getMessage()));
            return 1;
        }
    }
}
