package io.plus.data;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A preference dataset: labelled pairs, unlabelled context items, and (for synthetic data) the
 * hidden ground truth, which learned methods must not read.
 */
public record Dataset(String name, List<PreferencePair> pairs, List<ContextItem> contextItems,
                      GroundTruth truth) {
    public Dataset {
        pairs = List.copyOf(pairs);
        contextItems = List.copyOf(contextItems);
    }

    /** The same data with the hidden truth removed: what a learned method may see. */
    public Dataset withoutTruth() {
        return new Dataset(name, pairs, contextItems, GroundTruth.NONE);
    }

    public List<PreferencePair> pairs(Split split) {
        return pairs.stream().filter(p -> p.split() == split).toList();
    }

    /** Labelled context pairs per user (what a personalised method may look at). */
    public Map<String, List<PreferencePair>> contextPairsByUser() {
        return pairs.stream().filter(p -> p.split() == Split.CONTEXT)
                .collect(Collectors.groupingBy(PreferencePair::user));
    }

    public Map<String, List<ContextItem>> contextItemsByUser() {
        return contextItems.stream().collect(Collectors.groupingBy(ContextItem::user));
    }
}
