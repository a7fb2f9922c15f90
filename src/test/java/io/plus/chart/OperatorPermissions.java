package io.plus.chart;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.quarkiverse.operatorsdk.annotations.RBACRule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What the operator's code needs from the API server, as "group/resource:verb": for each reconciler
 * found in the compiled operator packages, what the Operator SDK does with its primary resource
 * (watch it, patch its status, and, for one that cleans up, set its finalizer) plus every
 * {@link RBACRule} it declares. A new reconciler or rule changes this set, and the chart's Roles
 * must follow.
 */
final class OperatorPermissions {
    private static final Path OPERATOR_CLASSES = Path.of("target", "classes", "io", "plus", "operator");

    private OperatorPermissions() {
    }

    static Set<String> fromCode() {
        Set<String> permissions = new TreeSet<>();
        List<Class<?>> reconcilers = reconcilers();
        if (reconcilers.size() < 2) {
            throw new AssertionError("expected the TrainingRun and ModelRollout reconcilers, found " + reconcilers);
        }
        for (Class<?> reconciler : reconcilers) {
            Class<? extends HasMetadata> primary = primaryResource(reconciler);
            String group = HasMetadata.getGroup(primary);
            String plural = HasMetadata.getPlural(primary);
            for (String verb : List.of("get", "list", "watch", "patch", "update")) {
                permissions.add(group + "/" + plural + ":" + verb);
            }
            for (String verb : List.of("patch", "update")) {
                permissions.add(group + "/" + plural + "/status:" + verb);
            }
            if (Cleaner.class.isAssignableFrom(reconciler)) {
                // an owner reference that blocks the owner's deletion needs update on its finalizers
                permissions.add(group + "/" + plural + "/finalizers:update");
            }
            for (RBACRule rule : reconciler.getAnnotationsByType(RBACRule.class)) {
                for (String apiGroup : rule.apiGroups()) {
                    for (String resource : rule.resources()) {
                        for (String verb : rule.verbs()) {
                            permissions.add(apiGroup + "/" + resource + ":" + verb);
                        }
                    }
                }
            }
        }
        return permissions;
    }

    private static List<Class<?>> reconcilers() {
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(OPERATOR_CLASSES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = Path.of("target", "classes").relativize(file).toString()
                        .replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name);
                if (type.isAnnotationPresent(ControllerConfiguration.class)) {
                    found.add(type);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends HasMetadata> primaryResource(Class<?> reconciler) {
        for (Type implemented : reconciler.getGenericInterfaces()) {
            if (implemented instanceof ParameterizedType type && type.getRawType() == Reconciler.class) {
                return (Class<? extends HasMetadata>) type.getActualTypeArguments()[0];
            }
        }
        throw new AssertionError(reconciler + " does not implement Reconciler<T> directly");
    }
}
