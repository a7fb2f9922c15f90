package io.plus.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/**
 * The model store: a volume shared with the serving functions, mounted into the trainer. The
 * location is a URI so that an object store can follow; only {@code file:} is served today.
 */
public class ModelStore {
    @Default("file:///models")
    @Pattern("^file:///[^\\s/][^\\s]*$")
    @JsonPropertyDescription("Where bundles are written inside the trainer: file:///<mount path>.")
    public String uri = "file:///models";

    @Required
    @JsonPropertyDescription("PersistentVolumeClaim mounted at the URI's path (the one the functions mount).")
    public String persistentVolumeClaim;
}
