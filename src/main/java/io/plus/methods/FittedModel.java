package io.plus.methods;

import io.plus.data.PreferencePair;
import io.plus.model.RewardHead;
import io.plus.training.Calibration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained method bound to a dataset: it can say how strongly it prefers a pair's chosen side.
 * {@code conditioning} says how the user is described to the head; {@code calibration} says by
 * which factor the head's rewards were scaled after training (already applied to {@code head}).
 */
public record FittedModel(String method, Conditioning conditioning, RewardHead head, UserConditioner conditioner,
                          Calibration calibration) {

    /** A model whose rewards were not calibrated (or whose calibration lives in its weights already). */
    public FittedModel(String method, Conditioning conditioning, RewardHead head, UserConditioner conditioner) {
        this(method, conditioning, head, conditioner, Calibration.NONE);
    }

    /** The same trained head told about users another way (other context, another user's summary). */
    public FittedModel withConditioner(UserConditioner other) {
        return new FittedModel(method, conditioning, head, other, calibration);
    }

    /**
     * The same model with its rewards temperature-scaled on {@code heldOut}, labelled pairs it was not
     * trained on; unchanged when they are too few ({@link Calibration#MIN_PAIRS}).
     */
    public FittedModel calibratedOn(List<PreferencePair> heldOut, EmbeddingTable embeddings) {
        return scaledBy(calibrationOn(heldOut, embeddings));
    }

    /** The temperature that best explains {@code heldOut} under this model, without applying it. */
    public Calibration calibrationOn(List<PreferencePair> heldOut, EmbeddingTable embeddings) {
        return Calibration.fit(heldOut.isEmpty() ? new double[0] : margins(heldOut, embeddings));
    }

    /** The same model with its rewards scaled by a factor fitted elsewhere; unchanged if none was fitted. */
    public FittedModel scaledBy(Calibration fitted) {
        if (!fitted.fitted()) {
            return this;
        }
        return new FittedModel(method, conditioning, head.withScaledRewards((float) fitted.scale()), conditioner, fitted);
    }

    /** {@code r(chosen | user) - r(rejected | user)}. */
    public double margin(PreferencePair pair, EmbeddingTable embeddings) {
        float[] condition = conditioner.conditioning(pair.user());
        return head.margin(embeddings.of(pair.prompt()), embeddings.of(pair.chosen()),
                embeddings.of(pair.rejected()), condition);
    }

    private record Scored(String user, float[] prompt, float[] response) {
    }

    /**
     * {@code r(chosen | user) - r(rejected | user)} for every pair, each (user, prompt, response)
     * scored once: test pairs often compare one answer with several others (DSP: with four). The
     * distinct responses are scored as one batch; the rewards are bit-identical to {@link #margin}'s.
     */
    public double[] margins(List<PreferencePair> pairs, EmbeddingTable embeddings) {
        Map<Scored, Integer> index = new LinkedHashMap<>();
        int[] chosen = new int[pairs.size()];
        int[] rejected = new int[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            PreferencePair pair = pairs.get(i);
            float[] prompt = embeddings.of(pair.prompt());
            chosen[i] = index.computeIfAbsent(new Scored(pair.user(), prompt, embeddings.of(pair.chosen())),
                    key -> index.size());
            rejected[i] = index.computeIfAbsent(new Scored(pair.user(), prompt, embeddings.of(pair.rejected())),
                    key -> index.size());
        }
        Map<String, float[]> conditioning = new HashMap<>(); // once per user: a conditioner may compute it
        List<RewardHead.Query> queries = new ArrayList<>(index.size());
        for (Scored scored : index.keySet()) {
            queries.add(new RewardHead.Query(scored.prompt(), scored.response(),
                    conditioning.computeIfAbsent(scored.user(), conditioner::conditioning)));
        }
        float[] rewards = head.rewards(queries);
        double[] margins = new double[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            margins[i] = rewards[chosen[i]] - rewards[rejected[i]];
        }
        return margins;
    }
}
