package io.plus.serve.model;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests answered per function and model version ({@code plus_model_requests_total{function,version}}):
 * during a canary, the candidate's share of traffic and, beside the HTTP metrics, its behaviour.
 */
@ApplicationScoped
public class ModelTraffic {
    private final MeterRegistry meters;
    /** One counter per function and version, built once: this runs on every request. */
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    @Inject
    public ModelTraffic(MeterRegistry meters) {
        this.meters = meters;
    }

    public void served(String function, String version) {
        counters.computeIfAbsent(function + '\u0000' + version, key -> Counter.builder("plus.model.requests")
                .tag("function", function).tag("version", version)
                .description("requests answered, by function and model version").register(meters)).increment();
    }
}
