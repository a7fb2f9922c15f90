package io.plus.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Toleration;

import java.util.List;
import java.util.Map;

/**
 * What to train on, with what, where, and how the result may reach users. Everything but
 * {@code suspend} is immutable: the API server refuses a change (CEL), and the operator ignores
 * one it is shown anyway (condition {@code SpecChangeIgnored}).
 */
public class TrainingRunSpec {
    private static final String IMMUTABLE = "self == oldSelf";
    private static final String IMMUTABLE_MESSAGE = "is immutable: create a new TrainingRun";

    @Required
    @Size(min = 1, max = 64)
    @ValidationRule(value = IMMUTABLE, message = IMMUTABLE_MESSAGE)
    @JsonPropertyDescription("Tenants whose stored feedback to train on.")
    public List<String> tenants;

    @Default("PLUS")
    @Pattern("^(PLUS|PLUS-untrained|BTL|ICL)$")
    @ValidationRule(value = IMMUTABLE, message = IMMUTABLE_MESSAGE)
    @JsonPropertyDescription("Training method: PLUS (default), PLUS-untrained, BTL or ICL.")
    public String method = "PLUS";

    @ValidationRule(value = IMMUTABLE, message = IMMUTABLE_MESSAGE)
    @JsonPropertyDescription("Hyper-parameters of the method.")
    public HyperParameters hyperParameters = new HyperParameters();

    @ValidationRule(value = IMMUTABLE, message = IMMUTABLE_MESSAGE)
    @JsonPropertyDescription("How much data is enough and how it is held out.")
    public DataSelection data = new DataSelection();

    @Required
    @ValidationRule(value = IMMUTABLE, message = IMMUTABLE_MESSAGE)
    @JsonPropertyDescription("Trainer image (the PLUS image with the CUDA natives for GPU nodes).")
    public String image;

    @ValidationRule(value = IMMUTABLE, message = IMMUTABLE_MESSAGE)
    @Size(max = 64)
    @JsonPropertyDescription("Overrides the image's entrypoint; default: the image's own.")
    public List<String> command;

    @ValidationRule(value = IMMUTABLE, message = IMMUTABLE_MESSAGE)
    @Size(max = 64)
    @JsonPropertyDescription("Arguments after the ones the operator sets (train-run and its flags from this spec).")
    public List<String> args;

    @ValidationRule(value = IMMUTABLE, message = IMMUTABLE_MESSAGE)
    @Size(max = 128)
    @JsonPropertyDescription("Extra environment variables of the trainer container.")
    public List<EnvVar> env;

    @Required
    @ValidationRule(value = IMMUTABLE, message = IMMUTABLE_MESSAGE)
    @JsonPropertyDescription("The PostgreSQL database the functions store feedback in.")
    public DatabaseReference database;

    @ValidationRule(value = IMMUTABLE, message = IMMUTABLE_MESSAGE)
    @JsonPropertyDescription("CPU, memory and GPUs (nvidia.com/gpu) of the trainer container.")
    public ResourceRequirements resources;

    @ValidationRule(value = IMMUTABLE, message = IMMUTABLE_MESSAGE)
    public Map<String, String> nodeSelector;

    @Size(max = 32)
    @ValidationRule(value = IMMUTABLE, message = IMMUTABLE_MESSAGE)
    public List<Toleration> tolerations;

    @ValidationRule(value = IMMUTABLE, message = IMMUTABLE_MESSAGE)
    public String serviceAccountName;

    @Min(1)
    @ValidationRule(value = IMMUTABLE, message = IMMUTABLE_MESSAGE)
    @JsonPropertyDescription("Seconds the Job may run before it is stopped (DeadlineExceeded).")
    public Long activeDeadlineSeconds;

    @Min(0)
    @Default("2")
    @ValidationRule(value = IMMUTABLE, message = IMMUTABLE_MESSAGE)
    @JsonPropertyDescription("Retries of a failed trainer pod.")
    public Integer backoffLimit = 2;

    @Min(0)
    @ValidationRule(value = IMMUTABLE, message = IMMUTABLE_MESSAGE)
    @JsonPropertyDescription("Seconds a finished Job is kept; the run keeps its status after it is gone.")
    public Integer ttlSecondsAfterFinished;

    @JsonPropertyDescription("True stops the Job's pods (Kubernetes Job suspend); false resumes.")
    public Boolean suspend;

    @Required
    @ValidationRule(value = IMMUTABLE, message = IMMUTABLE_MESSAGE)
    @JsonPropertyDescription("Where the bundle is written: the volume the serving functions read.")
    public ModelStore modelStore;

    @ValidationRule(value = IMMUTABLE, message = IMMUTABLE_MESSAGE)
    @JsonPropertyDescription("How a candidate may reach users.")
    public Promotion promotion = new Promotion();
}
