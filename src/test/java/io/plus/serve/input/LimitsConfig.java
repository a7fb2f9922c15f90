package io.plus.serve.input;

import io.plus.serve.ServeConfig;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.util.Map;

/** {@code plus.serve.limits.*} read from properties by the server's own configuration mapping, without Quarkus. */
public final class LimitsConfig {
    private static final String PREFIX = "plus.serve.limits";

    private LimitsConfig() {
    }

    public static ServeConfig.Limits from(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withMapping(ServeConfig.Limits.class, PREFIX)
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build()
                .getConfigMapping(ServeConfig.Limits.class, PREFIX);
    }
}
