package io.plus.serve.model;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Requests answered per function and model version ({@code plus_model_requests_total{function,version}}):
 * during a canary, the candidate's share of traffic and, beside the HTTP metrics, its behaviour.
 */
@ApplicationScoped
public class ModelTraffic {
    private final MeterRegistry meters;

    @Inject
    public ModelTraffic(MeterRegistry meters) {
        this.meters = meters;
    }

    public void served(String function, String version) {
        Counter.builder("plus.model.requests").tag("function", function).tag("version", version)
                .description("requests answered, by function and model version").register(meters).increment();
    }
}
