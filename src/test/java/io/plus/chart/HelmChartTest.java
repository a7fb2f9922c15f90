package io.plus.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.plus.ids.Ids;
import io.plus.operator.api.ModelRollout;
import io.plus.operator.api.TrainingRun;
import io.plus.serve.input.LimitsConfig;
import io.plus.serve.input.TenantLimits;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Helm chart as a reviewer reads it, rendered by Helm itself (offline): lint, every value set
 * into typed objects without unknown fields, and what a platform or security review checks.
 */
class HelmChartTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Comparator<JsonNode> NUMERIC = (a, b) -> a.isNumber() && b.isNumber()
            ? Double.compare(a.asDouble(), b.asDouble()) : (a.equals(b) ? 0 : 1);
    private static final Path VALUE_SETS = Path.of("src", "test", "resources", "chart");
    static final List<String> FUNCTIONS = List.of("feedback-ingest", "summarize", "score");

    @Test
    void lintStrictPasses() {
        LintResult lint = new Helm(RenderedChart.CHART).lint().strict().call();
        assertFalse(lint.isFailed(), String.join("\n", lint.getMessages()));
    }

    @Test
    void theDefaultsAndEveryValueSetRenderIntoTypedObjectsWithoutAnUnknownField() throws IOException {
        Map<String, RenderedChart> renders = new LinkedHashMap<>();
        renders.put("defaults", RenderedChart.render(Map.of()));
        try (Stream<Path> files = Files.list(VALUE_SETS)) {
            for (Path file : files.sorted().toList()) {
                renders.put(file.getFileName().toString(), RenderedChart.render(file));
            }
        }
        assertTrue(renders.keySet().containsAll(List.of("knative.yaml", "httproute.yaml", "external-secrets.yaml",
                "crds-disabled.yaml", "gpu-schedule.yaml")), renders.keySet().toString());
        renders.forEach((name, chart) -> {
            assertTrue(chart.objects().size() > 10, name + " rendered " + chart.objects().size() + " objects");
            assertEquals(List.of(), chart.unknownFields(), name + ": fields the typed models do not know");
            for (HasMetadata object : chart.objects()) {
                assertEquals("plus", object.getMetadata().getLabels().get("app.kubernetes.io/part-of"),
                        name + ": " + object.getKind() + "/" + object.getMetadata().getName() + " is labelled");
            }
        });
    }

    @Test
    void eachFunctionIsItsOwnDeploymentWithRealProbesResourcesAndAnAutoscaler() {
        RenderedChart chart = RenderedChart.render(Map.of());
        for (String function : FUNCTIONS) {
            Deployment deployment = chart.one(Deployment.class, "plus-" + function);
            Container container = only(deployment.getSpec().getTemplate().getSpec());
            assertEquals(function, env(container, "PLUS_FUNCTIONS").getValue());
            assertEquals(List.of("serve"), container.getArgs());
            assertEquals("/q/health/started", container.getStartupProbe().getHttpGet().getPath());
            assertEquals("/q/health/ready", container.getReadinessProbe().getHttpGet().getPath());
            assertEquals("/q/health/live", container.getLivenessProbe().getHttpGet().getPath());
            assertNotNull(container.getResources().getRequests().get("cpu"), function);
            assertNotNull(container.getResources().getRequests().get("memory"), function);
            assertNotNull(container.getResources().getLimits().get("memory"), function);
            assertNotNull(deployment.getSpec().getTemplate().getSpec().getTopologySpreadConstraints(), function);
            assertEquals(2, deployment.getSpec().getTemplate().getSpec().getTopologySpreadConstraints().size());
            assertEquals(null, deployment.getSpec().getReplicas(), "the HPA owns the replica count");

            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertEquals(podLabels, deployment.getSpec().getSelector().getMatchLabels());
            assertEquals(podLabels, chart.one(Service.class, "plus-" + function).getSpec().getSelector());
            assertEquals(podLabels, chart.one(PodDisruptionBudget.class, "plus-" + function).getSpec().getSelector()
                    .getMatchLabels());

            HorizontalPodAutoscaler hpa = chart.one(HorizontalPodAutoscaler.class, "plus-" + function);
            assertEquals("plus-" + function, hpa.getSpec().getScaleTargetRef().getName());
            assertEquals("cpu", hpa.getSpec().getMetrics().get(0).getResource().getName());
            assertEquals(70, hpa.getSpec().getMetrics().get(0).getResource().getTarget().getAverageUtilization());
            assertEquals(2, hpa.getSpec().getMinReplicas());
        }
        // a requests-per-second metric instead of CPU, for one function
        HorizontalPodAutoscaler rps = RenderedChart.render(Map.of(
                "functions.score.autoscaling.requestsPerSecond.metricName", "http_server_requests_per_second",
                "functions.score.autoscaling.requestsPerSecond.averageValue", "25")).one(HorizontalPodAutoscaler.class, "plus-score");
        assertEquals("http_server_requests_per_second", rps.getSpec().getMetrics().get(0).getPods().getMetric().getName());
        assertEquals("25", rps.getSpec().getMetrics().get(0).getPods().getTarget().getAverageValue().toString());
    }

    @Test
    void everyPodIsHardenedAndOnlyThoseThatCallTheApiGetAToken() throws IOException {
        for (RenderedChart chart : List.of(RenderedChart.render(Map.of()), RenderedChart.render(VALUE_SETS.resolve("gpu-schedule.yaml")))) {
            Map<String, PodSpec> pods = pods(chart);
            assertTrue(pods.keySet().containsAll(List.of("Deployment/plus-score", "Deployment/plus-operator")),
                    pods.keySet().toString());
            pods.forEach((name, pod) -> {
                assertEquals(true, pod.getSecurityContext().getRunAsNonRoot(), name);
                assertEquals("RuntimeDefault", pod.getSecurityContext().getSeccompProfile().getType(), name);
                boolean callsApi = name.equals("Deployment/plus-operator") || name.equals("CronJob/plus-training");
                assertEquals(callsApi, pod.getAutomountServiceAccountToken(), name + " service-account token");
                for (Container container : pod.getContainers()) {
                    assertEquals(true, container.getSecurityContext().getReadOnlyRootFilesystem(), name);
                    assertEquals(false, container.getSecurityContext().getAllowPrivilegeEscalation(), name);
                    assertEquals(List.of("ALL"), container.getSecurityContext().getCapabilities().getDrop(), name);
                    assertTrue(container.getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals("/tmp")),
                            name + " has a writable /tmp");
                    assertNotNull(container.getResources().getLimits(), name + " has limits");
                }
            });
        }
    }

    @Test
    void connectionSettingsComeFromSecretsNeverFromPlainValues() throws IOException {
        RenderedChart external = RenderedChart.render(VALUE_SETS.resolve("external-secrets.yaml"));
        Container score = only(external.one(Deployment.class, "plus-score").getSpec().getTemplate().getSpec());
        assertEquals("postgresql://pg.databases.svc:5432/plus", env(score, "PLUS_DB_URL").getValue());
        assertEquals(List.of("team-postgres", "username"), secretRef(env(score, "PLUS_DB_USER")));
        assertEquals(List.of("team-postgres", "password"), secretRef(env(score, "PLUS_DB_PASSWORD")));
        assertEquals(List.of("team-redis", "password"), secretRef(env(score, "QUARKUS_REDIS_PASSWORD")));
        assertEquals(List.of("team-plus-admin", "token"), secretRef(env(score, "PLUS_ADMIN_TOKEN")));
        assertEquals(List.of(), external.all(Secret.class), "existing Secrets are used, none made");
        assertEquals(List.of(), external.all(PersistentVolumeClaim.class), "the existing claim is used");
        assertEquals("team-models", external.one(Deployment.class, "plus-score").getSpec().getTemplate().getSpec()
                .getVolumes().stream().filter(v -> v.getName().equals("models")).findFirst().orElseThrow()
                .getPersistentVolumeClaim().getClaimName());

        RenderedChart made = RenderedChart.render(VALUE_SETS.resolve("chart-made-secrets.yaml"));
        Secret db = made.one(Secret.class, "plus-db");
        assertEquals(Map.of("username", "plus_app", "password", "s3cret-from-values"), db.getStringData());
        assertEquals(Map.of("password", "redis-pass"), made.one(Secret.class, "plus-redis").getStringData());
        assertEquals(Map.of("token", "admin-token-from-values"), made.one(Secret.class, "plus-admin").getStringData());
        for (RenderedChart chart : List.of(external, made, RenderedChart.render(Map.of()))) {
            for (ConfigMap map : chart.all(ConfigMap.class)) {
                String data = String.valueOf(map.getData());
                assertFalse(data.contains("s3cret") || data.contains("redis-pass") || data.contains("admin-token"),
                        map.getMetadata().getName());
            }
        }
        // the chart refuses to make a Secret without its value
        assertThrows(IllegalStateException.class, () -> RenderedChart.render(Map.of("postgresql.existingSecret", "")));
        assertThrows(IllegalStateException.class, () -> RenderedChart.render(Map.of("admin.existingSecret", "")));
    }

    @Test
    void jwtVerificationIsConfiguredOnEveryFunctionAndNeedsAnIssuer() throws IOException {
        RenderedChart chart = RenderedChart.render(VALUE_SETS.resolve("jwt.yaml"));
        for (String function : List.of("plus-feedback-ingest", "plus-summarize", "plus-score")) {
            Container container = only(chart.one(Deployment.class, function).getSpec().getTemplate().getSpec());
            assertEquals("https://idp.example.com/certs", env(container, "PLUS_SERVE_JWT_PUBLIC_KEY_LOCATION").getValue());
            assertEquals("https://idp.example.com", env(container, "PLUS_SERVE_JWT_ISSUER").getValue());
            assertEquals("plus,plus-api", env(container, "PLUS_SERVE_JWT_AUDIENCE").getValue());
            assertEquals("sub", env(container, "PLUS_SERVE_JWT_USER_CLAIM").getValue());
        }
        Container plain = only(RenderedChart.render(Map.of()).one(Deployment.class, "plus-score").getSpec().getTemplate().getSpec());
        assertTrue(plain.getEnv().stream().noneMatch(e -> e.getName().startsWith("PLUS_SERVE_JWT_")), "off by default");
        assertThrows(IllegalStateException.class, () -> RenderedChart.render(Map.of(
                "auth.jwt.publicKeyLocation", "https://idp.example.com/certs")), "keys without an issuer");
    }

    /** The chart's limits, read by the server's own configuration code, give each tenant its own values. */
    @Test
    void tenantLimitsReachEveryFunctionAsTheServerReadsThem() throws IOException {
        RenderedChart chart = RenderedChart.render(VALUE_SETS.resolve("tenant-limits.yaml"));
        String properties = chart.one(ConfigMap.class, "plus-limits").getData().get("application.properties");
        Properties parsed = new Properties();
        parsed.load(new StringReader(properties));
        Map<String, String> config = new TreeMap<>();
        parsed.forEach((key, value) -> config.put((String) key, (String) value));
        TenantLimits limits = new TenantLimits(LimitsConfig.from(config));
        assertEquals(20000, limits.of("acme.eu").tenantRequestsPerSecond());
        assertEquals(1000, limits.of("acme.eu").tenantBurst(), "unset for acme.eu: the chart's instance value");
        assertEquals(64000, limits.of("acme.eu").scoreTextCharacters());
        assertEquals(100, limits.of("beta").eventsPerRequest());
        assertEquals(500, limits.of("anyone").tenantRequestsPerSecond());

        String defaultChecksum = RenderedChart.render(Map.of()).one(Deployment.class, "plus-score")
                .getSpec().getTemplate().getMetadata().getAnnotations().get("checksum/limits");
        for (String function : List.of("plus-feedback-ingest", "plus-summarize", "plus-score")) {
            PodSpec pod = chart.one(Deployment.class, function).getSpec().getTemplate().getSpec();
            assertTrue(only(pod).getVolumeMounts().stream().anyMatch(m -> m.getName().equals("limits")
                    && m.getMountPath().equals("/deployments/config") && Boolean.TRUE.equals(m.getReadOnly())), function);
            assertEquals("plus-limits", pod.getVolumes().stream().filter(v -> v.getName().equals("limits"))
                    .findFirst().orElseThrow().getConfigMap().getName());
            assertNotEquals(defaultChecksum, chart.one(Deployment.class, function).getSpec().getTemplate()
                    .getMetadata().getAnnotations().get("checksum/limits"), function + " restarts when its limits change");
        }
        JsonNode schema = JSON.readTree(RenderedChart.CHART.resolve("values.schema.json").toFile());
        assertEquals(Ids.PATTERN, schema.at("/properties/serving/properties/limits/properties/tenants/propertyNames/pattern")
                .asText(), "the chart takes the ids the server takes");
        Path injected = Files.createTempFile("tenant-limits-", ".yaml");
        try {
            // a tenant "id" that would end its properties line and start another
            Files.writeString(injected, "serving:\n  limits:\n    tenantRequestsPerSecond: 1\n    tenantBurst: 1\n"
                    + "    tenants:\n      \"acme\\nplus.serve.limits.tenant-burst\": {burst: 5}\n");
            assertThrows(IllegalStateException.class, () -> RenderedChart.render(injected), "a tenant id that is not an id");
        } finally {
            Files.delete(injected);
        }
        assertThrows(IllegalStateException.class, () -> RenderedChart.render(Map.of(
                "serving.limits.tenants.acme.burst", 0)), "a limit below 1");
    }

    @Test
    void theGatewayRoutesEachPathToItsFunctionAsIngressOrHttpRoute() throws IOException {
        Map<String, String> expected = Map.of("/v1/feedback", "plus-feedback-ingest", "/v1/users", "plus-summarize",
                "/v1/me", "plus-summarize", "/v1/score", "plus-score", "/v1/models", "plus-score", "/v1/audit", "plus-score");

        Ingress ingress = RenderedChart.render(Map.of()).one(Ingress.class, "plus");
        assertEquals("plus.example.com", ingress.getSpec().getRules().get(0).getHost());
        Map<String, String> byIngress = new TreeMap<>();
        ingress.getSpec().getRules().get(0).getHttp().getPaths().forEach(path -> {
            assertEquals("Prefix", path.getPathType());
            assertEquals(8080, path.getBackend().getService().getPort().getNumber());
            byIngress.put(path.getPath(), path.getBackend().getService().getName());
        });
        assertEquals(new TreeMap<>(expected), byIngress);

        RenderedChart routed = RenderedChart.render(VALUE_SETS.resolve("httproute.yaml"));
        assertEquals(List.of(), routed.all(Ingress.class));
        HTTPRoute route = routed.one(HTTPRoute.class, "plus");
        assertEquals(List.of("plus.internal.example"), route.getSpec().getHostnames());
        assertEquals("shared-gateway", route.getSpec().getParentRefs().get(0).getName());
        Map<String, String> byRoute = new TreeMap<>();
        route.getSpec().getRules().forEach(rule -> byRoute.put(rule.getMatches().get(0).getPath().getValue(),
                rule.getBackendRefs().get(0).getName()));
        assertEquals(new TreeMap<>(expected), byRoute);
    }

    @Test
    void knativeModeRendersKnativeServicesInsteadOfDeployments() throws IOException {
        RenderedChart chart = RenderedChart.render(VALUE_SETS.resolve("knative.yaml"));
        List<io.fabric8.knative.serving.v1.Service> services = chart.all(io.fabric8.knative.serving.v1.Service.class);
        assertEquals(3, services.size());
        assertTrue(chart.all(Deployment.class).stream().allMatch(d -> d.getMetadata().getName().equals("plus-operator")),
                "only the operator is a Deployment");
        assertEquals(List.of(), chart.all(HorizontalPodAutoscaler.class));
        io.fabric8.knative.serving.v1.Service ingest = chart.one(io.fabric8.knative.serving.v1.Service.class,
                "plus-feedback-ingest");
        Map<String, String> annotations = ingest.getSpec().getTemplate().getMetadata().getAnnotations();
        assertEquals("0", annotations.get("autoscaling.knative.dev/min-scale"), "ingest may scale to zero");
        assertEquals("200", annotations.get("autoscaling.knative.dev/target"));
        assertEquals("1", chart.one(io.fabric8.knative.serving.v1.Service.class, "plus-score").getSpec().getTemplate()
                .getMetadata().getAnnotations().get("autoscaling.knative.dev/min-scale"), "score keeps one warm");
        for (io.fabric8.knative.serving.v1.Service service : services) {
            Container container = service.getSpec().getTemplate().getSpec().getContainers().get(0);
            String function = service.getMetadata().getName().substring("plus-".length());
            assertEquals(function, env(container, "PLUS_FUNCTIONS").getValue());
            assertEquals("http1", container.getPorts().get(0).getName());
            assertEquals("/q/health/ready", container.getReadinessProbe().getHttpGet().getPath());
        }
        chart.one(Ingress.class, "plus").getSpec().getRules().get(0).getHttp().getPaths()
                .forEach(path -> assertEquals(80, path.getBackend().getService().getPort().getNumber()));
    }

    @Test
    void theOperatorRunsWithLeastPrivilegeInItsNamespace() {
        RenderedChart chart = RenderedChart.render(Map.of());
        Container operator = only(chart.one(Deployment.class, "plus-operator").getSpec().getTemplate().getSpec());
        assertEquals(List.of("operator"), operator.getArgs());
        assertEquals("plus", env(operator, "QUARKUS_OPERATOR_SDK_NAMESPACES").getValue());
        assertEquals("http://plus-score.plus.svc:8080", env(operator, "PLUS_OPERATOR_REGISTRY_URL").getValue());
        assertEquals(List.of("plus-admin", "token"), secretRef(env(operator, "PLUS_OPERATOR_REGISTRY_TOKEN")));
        assertTrue(chart.objects().stream().noneMatch(o -> o.getKind().startsWith("Cluster")),
                "nothing cluster-wide: " + chart.objects().stream().map(HasMetadata::getKind).distinct().toList());

        Set<String> granted = new TreeSet<>();
        for (String role : List.of("plus-operator", "plus-operator-leader")) {
            for (PolicyRule rule : chart.one(Role.class, role).getRules()) {
                for (String group : rule.getApiGroups()) {
                    for (String resource : rule.getResources()) {
                        for (String verb : rule.getVerbs()) {
                            granted.add(group + "/" + resource + ":" + verb);
                        }
                    }
                }
            }
            RoleBinding binding = chart.one(RoleBinding.class, role);
            assertEquals(role, binding.getRoleRef().getName());
            assertEquals("plus-operator", binding.getSubjects().get(0).getName());
        }
        assertEquals(OperatorPermissions.fromCode(), granted,
                "the operator's Roles grant exactly what its reconcilers declare and the Operator SDK uses");

        // other namespaces to watch: a Role and binding in each, nothing else widens
        RenderedChart wider = RenderedChart.render(Map.of("operator.watchNamespaces[0]", "team-a",
                "operator.watchNamespaces[1]", "team-b"));
        assertEquals("team-a,team-b", env(only(wider.one(Deployment.class, "plus-operator").getSpec().getTemplate()
                .getSpec()), "QUARKUS_OPERATOR_SDK_NAMESPACES").getValue());
        assertEquals(Set.of("team-a", "team-b"), Set.copyOf(wider.all(Role.class).stream()
                .filter(r -> r.getMetadata().getName().equals("plus-operator"))
                .map(r -> r.getMetadata().getNamespace()).toList()));
    }

    @Test
    void scheduledTrainingCreatesATrainingRunFromTheTemplateWithTheGpuDefaults() throws IOException {
        RenderedChart chart = RenderedChart.render(VALUE_SETS.resolve("gpu-schedule.yaml"));
        CronJob cron = chart.one(CronJob.class, "plus-training");
        assertEquals("30 2 * * 1-5", cron.getSpec().getSchedule());
        assertEquals("Europe/Berlin", cron.getSpec().getTimeZone());
        assertEquals("Forbid", cron.getSpec().getConcurrencyPolicy());
        PodSpec pod = cron.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
        assertEquals(List.of("submit-training-run", "--file", "/etc/plus/trainingrun.yaml"), only(pod).getArgs());
        assertEquals("plus-training-schedule", pod.getServiceAccountName());
        assertEquals(List.of("create"), chart.one(Role.class, "plus-training-schedule").getRules().get(0).getVerbs());
        assertEquals(List.of("trainingruns"), chart.one(Role.class, "plus-training-schedule").getRules().get(0).getResources());

        TrainingRun run = RenderedChart.parseManifest(chart.one(ConfigMap.class, "plus-training-run").getData()
                .get("trainingrun.yaml"), TrainingRun.class);
        assertEquals("plus-scheduled-", run.getMetadata().getGenerateName());
        assertEquals(List.of("acme", "globex"), run.getSpec().tenants);
        assertEquals("2", run.getSpec().resources.getLimits().get("nvidia.com/gpu").getAmount());
        assertEquals(Map.of("nvidia.com/gpu.product", "NVIDIA-H100-80GB-HBM3"), run.getSpec().nodeSelector);
        assertEquals("nvidia.com/gpu", run.getSpec().tolerations.get(0).getKey());
        assertEquals(10800L, run.getSpec().activeDeadlineSeconds);
        assertEquals("ghcr.io/plus-platform/plus:0.1.0-SNAPSHOT-cuda", run.getSpec().image);
        assertEquals("plus-postgresql", run.getSpec().database.credentialsSecret);
        assertEquals("plus-models", run.getSpec().modelStore.persistentVolumeClaim);
        assertEquals("file:///models", run.getSpec().modelStore.uri);
        assertEquals("automatic", run.getSpec().promotion.policy);
        assertEquals(List.of(10, 50, 100), run.getSpec().promotion.canarySteps.stream().map(s -> s.percent).toList());

        assertEquals("plus-2026-12-01", chart.one(ModelRollout.class, "plus").getSpec().stableVersion);
        ServiceMonitor monitor = chart.one(ServiceMonitor.class, "plus");
        assertEquals("/q/metrics", monitor.getSpec().getEndpoints().get(0).getPath());
        assertEquals("prometheus", monitor.getMetadata().getLabels().get("release"));
        assertEquals(List.of(), RenderedChart.render(Map.of()).all(CronJob.class), "no schedule unless enabled");
        assertThrows(IllegalStateException.class, () -> RenderedChart.render(Map.of("training.schedule.enabled", true)),
                "a schedule without tenants is refused");
    }

    @Test
    void theCrdsAreTheGeneratedOnesAndCanBeLeftOut() throws IOException {
        RenderedChart chart = RenderedChart.render(Map.of());
        List<CustomResourceDefinition> crds = chart.all(CustomResourceDefinition.class);
        assertEquals(Set.of("trainingruns.plus.io", "modelrollouts.plus.io"),
                Set.copyOf(crds.stream().map(c -> c.getMetadata().getName()).toList()));
        for (CustomResourceDefinition crd : crds) {
            CustomResourceDefinition generated = RenderedChart.parseManifest(Files.readString(
                    Path.of("k8s", "crds", crd.getMetadata().getName() + "-v1.yml")), CustomResourceDefinition.class);
            // compared as JSON with numbers by value: Helm writes 100.0 as 100
            assertTrue(JSON.valueToTree(generated.getSpec()).equals(NUMERIC, JSON.valueToTree(crd.getSpec())),
                    crd.getMetadata().getName() + " as k8s/crds has it");
            assertEquals("keep", crd.getMetadata().getAnnotations().get("helm.sh/resource-policy"));
        }
        for (Path file : List.of(Path.of("k8s/crds/trainingruns.plus.io-v1.yml"), Path.of("k8s/crds/modelrollouts.plus.io-v1.yml"))) {
            assertEquals(Files.readString(file), Files.readString(RenderedChart.CHART.resolve("files/crds")
                    .resolve(file.getFileName())), "the chart's copy of " + file);
        }
        assertEquals(List.of(), RenderedChart.render(VALUE_SETS.resolve("crds-disabled.yaml"))
                .all(CustomResourceDefinition.class));
    }

    @Test
    void invalidValuesAreRefusedByTheSchema() {
        Map<String, Object> invalid = new LinkedHashMap<>();
        invalid.put("functions.score.replicas", -1);
        invalid.put("functions.summarize.replicas", "two");
        invalid.put("functions.score.replicaz", 3);
        invalid.put("unknownTopLevel", true);
        invalid.put("serving.mode", "lambda");
        invalid.put("gateway.api", "istio");
        invalid.put("postgresql.url", "postgresql://plus:secret@pg:5432/plus");
        invalid.put("training.schedule.promotion.canarySteps[0].percent", 0);
        invalid.put("training.schedule.method", "Oracle");
        invalid.put("functions.score.autoscaling.targetCPUUtilizationPercentage", 150);
        List<String> accepted = new ArrayList<>();
        invalid.forEach((key, value) -> {
            try {
                RenderedChart.render(Map.of(key, value));
                accepted.add(key + "=" + value);
            } catch (IllegalStateException refused) {
                assertTrue(refused.getMessage().contains("values don't meet the specifications of the schema"),
                        key + ": " + refused.getMessage());
            }
        });
        assertEquals(List.of(), accepted, "invalid values the schema let through");
    }

    @Test
    void theChartsAppVersionIsTheProjectsVersion() throws IOException {
        Matcher project = Pattern.compile("<artifactId>plus</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(project.find());
        Matcher chart = Pattern.compile("(?m)^appVersion:\\s*\"([^\"]+)\"").matcher(
                Files.readString(RenderedChart.CHART.resolve("Chart.yaml")));
        assertTrue(chart.find());
        assertEquals(project.group(1), chart.group(1));
    }

    /**
     * k8s/install/plus.yaml is the chart rendered with its defaults and the CRDs left to
     * kustomize; run with -Dplus.chart.write-install=true to write it after a chart change.
     */
    @Test
    void theKustomizeInstallIsTheChartRenderedWithItsDefaults() throws IOException {
        Path install = Path.of("k8s", "install", "plus.yaml");
        String rendered = INSTALL_HEADER + RenderedChart.render(Map.of("crds.enabled", false)).yaml();
        if (Boolean.getBoolean("plus.chart.write-install")) {
            Files.writeString(install, rendered);
        }
        assertEquals(rendered, Files.readString(install), install + " is stale: regenerate it with "
                + "./mvnw -B verify -Dtest=HelmChartTest -Dsurefire.failIfNoSpecifiedTests=false -Dplus.chart.write-install=true");
    }

    private static final String INSTALL_HEADER = "# Generated from helm/plus with its default values (release plus, "
            + "namespace plus, CRDs from k8s/crds); do not edit.\n";

    private static Map<String, PodSpec> pods(RenderedChart chart) {
        Map<String, PodSpec> pods = new TreeMap<>();
        chart.all(Deployment.class).forEach(d -> pods.put("Deployment/" + d.getMetadata().getName(),
                d.getSpec().getTemplate().getSpec()));
        chart.all(CronJob.class).forEach(c -> pods.put("CronJob/" + c.getMetadata().getName(),
                c.getSpec().getJobTemplate().getSpec().getTemplate().getSpec()));
        chart.all(Pod.class).forEach(p -> pods.put("Pod/" + p.getMetadata().getName(), p.getSpec()));
        return pods;
    }

    static Container only(PodSpec pod) {
        assertEquals(1, pod.getContainers().size());
        return pod.getContainers().get(0);
    }

    static EnvVar env(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no " + name));
    }

    private static List<String> secretRef(EnvVar env) {
        return List.of(env.getValueFrom().getSecretKeyRef().getName(), env.getValueFrom().getSecretKeyRef().getKey());
    }
}
