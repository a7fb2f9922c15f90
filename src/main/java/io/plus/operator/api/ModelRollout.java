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
 * Which model versions a serving deployment's functions serve: the stable one, and optionally a
 * candidate for a stable share of users. Setting {@code stableVersion} back is the rollback.
 */
@Group(PlusApi.GROUP)
@Version(PlusApi.VERSION)
@Kind("ModelRollout")
@Plural("modelrollouts")
@Singular("modelrollout")
@ShortNames("mro")
@AdditionalPrinterColumn(name = "Stable", jsonPath = ".spec.stableVersion", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Candidate", jsonPath = ".spec.candidate.version", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Percent", jsonPath = ".spec.candidate.percent", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Previous", jsonPath = ".status.previousStableVersion", type = AdditionalPrinterColumn.Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class ModelRollout extends CustomResource<ModelRolloutSpec, ModelRolloutStatus> implements Namespaced {
}
