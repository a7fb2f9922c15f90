package io.plus.summary.training;

import io.plus.summary.UserContext;
import java.util.ArrayList;
import java.util.List;

/**
 * One sampled summary: the policy's steps (state, allowed actions, action, its log-probability
 * under the sampling policy and the reference policy, the value estimate) and, once scored, the
 * terminal reward.
 */
public final class Episode {
    final String user;
    final UserContext context;
    final List<float[]> states = new ArrayList<>();
    final List<boolean[]> allowed = new ArrayList<>();
    final List<Integer> actions = new ArrayList<>();
    final List<Double> logProbs = new ArrayList<>();
    final List<Double> referenceLogProbs = new ArrayList<>();
    final List<Double> values = new ArrayList<>();
    final List<Integer> statements = new ArrayList<>();
    final List<Integer> statementWords = new ArrayList<>();
    double terminalReward;

    Episode(String user, UserContext context) {
        this.user = user;
        this.context = context;
    }

    public String user() {
        return user;
    }

    /** Bank indices of the statements written, in order. */
    public List<Integer> statements() {
        return statements;
    }

    public int steps() {
        return actions.size();
    }

    public void setTerminalReward(double reward) {
        this.terminalReward = reward;
    }

    /** Sum over steps of log π(a|s) − log π_ref(a|s): a sample of the KL to the reference policy. */
    public double klToReference() {
        double kl = 0;
        for (int t = 0; t < steps(); t++) {
            kl += logProbs.get(t) - referenceLogProbs.get(t);
        }
        return kl;
    }
}
