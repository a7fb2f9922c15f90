package io.plus.cli;

import io.javaoperatorsdk.operator.OperatorException;
import io.plus.operator.OperatorRole;
import io.quarkus.runtime.Quarkus;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "operator", mixinStandardHelpOptions = true,
        description = {"Run the Kubernetes operator until stopped: each TrainingRun becomes one trainer Job; a "
                + "finished run's candidate is gated on its evaluation and walked through the canary steps of its "
                + "ModelRollout, or rejected with the reason; each ModelRollout's versions are applied to the model "
                + "registry through the functions' admin API (PLUS_OPERATOR_REGISTRY_URL, PLUS_OPERATOR_REGISTRY_TOKEN). "
                + "Uses the pod's service account (or KUBECONFIG), leader election on "
                + "(PLUS_OPERATOR_LEADER_ELECTION=false turns it off)."})
public class OperatorCommand implements Callable<Integer> {
    @Inject
    OperatorRole operator;

    @Override
    public Integer call() {
        try {
            operator.start();
        } catch (OperatorException e) {
            System.err.println("error: the operator cannot start: " + rootCause(e)
                    + " (inside a pod it uses the service account; elsewhere set KUBECONFIG)");
            return 1;
        }
        Quarkus.waitForExit();
        return 0;
    }

    private static String rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
