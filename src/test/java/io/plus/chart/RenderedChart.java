package io.plus.chart;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The chart rendered by Helm itself (helm-java, offline) with a set of values, each document parsed
 * into its typed fabric8 object. A field the typed model does not know lands in an object's
 * additional properties; {@link #unknownFields()} lists them, so a misspelt or misplaced key fails.
 */
public final class RenderedChart {
    public static final Path CHART = Path.of("helm", "plus");
    public static final String RELEASE = "plus";
    public static final String NAMESPACE = "plus";
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    static {
        SERIALIZATION.registerKubernetesResource(io.plus.operator.api.ModelRollout.class);
        SERIALIZATION.registerKubernetesResource(io.plus.operator.api.TrainingRun.class);
    }

    private final String yaml;
    private final List<HasMetadata> objects;

    private RenderedChart(String yaml, List<HasMetadata> objects) {
        this.yaml = yaml;
        this.objects = objects;
    }

    /** Renders with {@code values} set as {@code --set key=value} would. */
    public static RenderedChart render(Map<String, Object> values) {
        TemplateCommand template = new Helm(CHART).template().withName(RELEASE).withNamespace(NAMESPACE);
        values.forEach(template::set);
        return parse(template.call());
    }

    /** Renders with a values file, as {@code -f} would. */
    public static RenderedChart render(Path valuesFile) {
        return parse(new Helm(CHART).template().withName(RELEASE).withNamespace(NAMESPACE)
                .withValuesFile(valuesFile).call());
    }

    private static RenderedChart parse(String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : yaml.split("(?m)^---\\s*$")) {
            if (document.lines().allMatch(line -> line.isBlank() || line.startsWith("#"))) {
                continue;
            }
            Object parsed = SERIALIZATION.unmarshal(document);
            if (!(parsed instanceof HasMetadata resource)) {
                throw new AssertionError("not a Kubernetes object:\n" + document);
            }
            objects.add(resource);
        }
        return new RenderedChart(yaml, objects);
    }

    /** Parses a manifest the way the chart's documents are parsed (custom resources typed too). */
    public static <T> T parseManifest(String yaml, Class<T> type) {
        return SERIALIZATION.unmarshal(yaml, type);
    }

    public String yaml() {
        return yaml;
    }

    public List<HasMetadata> objects() {
        return objects;
    }

    public <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public <T extends HasMetadata> T one(Class<T> type, String name) {
        return find(type, name).orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name
                + " among " + objects.stream().map(o -> o.getKind() + "/" + o.getMetadata().getName()).toList()));
    }

    public <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst();
    }

    /** Every object whose typed model did not recognise a field: "Kind/name: path". */
    public List<String> unknownFields() {
        List<String> unknown = new ArrayList<>();
        for (HasMetadata object : objects) {
            collect(object, object.getKind() + "/" + object.getMetadata().getName(), unknown,
                    java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
        }
        return unknown;
    }

    /** Generic objects (a CRD's OpenAPI schema, a pod's raw extensions) hold any field by design. */
    private static final Predicate<Object> OPEN = o -> o.getClass().getSimpleName().startsWith("JSONSchemaProps")
            || o.getClass().getSimpleName().equals("GenericKubernetesResource");

    private static void collect(Object value, String path, List<String> unknown, Set<Object> seen) {
        if (value == null || !seen.add(value)) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collect(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> collect(item, path + "." + key, unknown, seen));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8") || OPEN.test(value)) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object field;
            try {
                field = getter.invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + ": " + extra.keySet());
                }
                continue;
            }
            String name = getter.getName().substring(3);
            collect(field, path + "." + Character.toLowerCase(name.charAt(0)) + name.substring(1), unknown, seen);
        }
    }
}
