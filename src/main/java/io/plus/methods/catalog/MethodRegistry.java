package io.plus.methods.catalog;

import io.plus.encoder.TextEncoder;
import io.plus.methods.ConditionedRewardMethod;
import io.plus.methods.ConditioningKind;
import io.plus.methods.RewardMethod;
import io.plus.methods.VplMethod;
import io.plus.summary.training.IterationLog;
import io.plus.summary.training.PlusMethod;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The methods the benchmark and the command line know, in report order. */
public final class MethodRegistry {
    private final Map<String, RewardMethod> methods = new LinkedHashMap<>();

    /** Co-adaptation iterations of PLUS and PLUS-untrained in the benchmark. */
    public static final int PLUS_ITERATIONS = 100;

    /** Every method, in report order; PLUS needs the encoder to read the summaries it writes. */
    public static MethodRegistry standard(TextEncoder encoder) {
        return standard(encoder, PLUS_ITERATIONS);
    }

    /** As {@link #standard(TextEncoder)} with another number of co-adaptation iterations. */
    public static MethodRegistry standard(TextEncoder encoder, int plusIterations) {
        return standard(encoder, plusIterations, log -> { });
    }

    /** As {@link #standard(TextEncoder, int)}; PLUS and PLUS-untrained report each iteration to {@code onIteration}. */
    public static MethodRegistry standard(TextEncoder encoder, int plusIterations, Consumer<IterationLog> onIteration) {
        MethodRegistry registry = new MethodRegistry();
        registry.register(new ConditionedRewardMethod("BTL", ConditioningKind.NONE));
        registry.register(new ConditionedRewardMethod("ICL", ConditioningKind.CONTEXT));
        registry.register(new VplMethod());
        registry.register(new PlusMethod("PLUS-untrained", encoder, false, plusIterations, onIteration));
        registry.register(new PlusMethod("PLUS", encoder, true, plusIterations, onIteration));
        registry.register(new ConditionedRewardMethod("Oracle", ConditioningKind.TRUE_TYPE));
        return registry;
    }

    public void register(RewardMethod method) {
        methods.put(method.name().toLowerCase(), method);
    }

    public List<RewardMethod> all() {
        return List.copyOf(methods.values());
    }

    public Optional<RewardMethod> find(String name) {
        return Optional.ofNullable(methods.get(name.toLowerCase()));
    }

    public RewardMethod require(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown method '" + name
                + "' (known: " + methods.values().stream().map(RewardMethod::name).toList() + ")"));
    }
}
