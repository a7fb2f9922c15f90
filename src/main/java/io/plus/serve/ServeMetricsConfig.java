package io.plus.serve;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Latency histograms (Prometheus buckets) for every HTTP route, so p99 per function can be read off /q/metrics. */
public class ServeMetricsConfig {
    /**
     * Metrics are read by whoever can scrape them: an "exception" tag would name the server's
     * Java classes there, so no meter keeps one (its series merge into the rest).
     */
    @Produces
    @Singleton
    MeterFilter noExceptionClassNames() {
        return MeterFilter.ignoreTags("exception", "error", "cause");
    }

    @Produces
    @Singleton
    MeterFilter httpLatencyHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getName().equals("http.server.requests")) {
                    return DistributionStatisticConfig.builder().percentilesHistogram(true).build().merge(config);
                }
                return config;
            }
        };
    }
}
