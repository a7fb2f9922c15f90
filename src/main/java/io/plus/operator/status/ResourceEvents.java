package io.plus.operator.status;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.UUID;

/** Kubernetes Events on a resource, one per transition, for {@code kubectl describe}. Never fails a reconcile. */
public final class ResourceEvents {
    private static final Logger LOG = Logger.getLogger(ResourceEvents.class);
    public static final String COMPONENT = "plus-operator";

    private ResourceEvents() {
    }

    public static void record(KubernetesClient client, HasMetadata resource, String type, String reason, String message) {
        String now = Instant.now().toString();
        try {
            client.v1().events().inNamespace(resource.getMetadata().getNamespace()).resource(new EventBuilder()
                    .withNewMetadata().withName(resource.getMetadata().getName() + "." + UUID.randomUUID())
                    .withNamespace(resource.getMetadata().getNamespace()).endMetadata()
                    .withNewInvolvedObject().withApiVersion(resource.getApiVersion()).withKind(resource.getKind())
                    .withName(resource.getMetadata().getName()).withNamespace(resource.getMetadata().getNamespace())
                    .withUid(resource.getMetadata().getUid()).endInvolvedObject()
                    .withType(type).withReason(reason).withMessage(message)
                    .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
                    .withNewSource().withComponent(COMPONENT).endSource()
                    .build()).create();
        } catch (KubernetesClientException e) {
            LOG.warnf("cannot record event %s on %s: %s", reason, resource.getMetadata().getName(), e.getMessage());
        }
    }
}
