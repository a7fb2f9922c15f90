package io.plus.operator.api;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * One training run: train on the stored feedback of some tenants as a Kubernetes Job, evaluate the
 * result against the active model, and promote it through the canary steps of a ModelRollout or
 * reject it. The YAML in {@code k8s/crds} is generated from these classes.
 */
@Group(PlusApi.GROUP)
@Version(PlusApi.VERSION)
@Kind("TrainingRun")
@Plural("trainingruns")
@Singular("trainingrun")
@ShortNames("tr")
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Model", jsonPath = ".status.modelVersion", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Metric", jsonPath = ".status.evaluation.candidate", type = AdditionalPrinterColumn.Type.NUMBER)
@AdditionalPrinterColumn(name = "Active", jsonPath = ".status.evaluation.active", type = AdditionalPrinterColumn.Type.NUMBER)
@AdditionalPrinterColumn(name = "Job", jsonPath = ".status.jobName", type = AdditionalPrinterColumn.Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class TrainingRun extends CustomResource<TrainingRunSpec, TrainingRunStatus> implements Namespaced {
}
