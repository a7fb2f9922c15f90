package io.plus.operator.api;

/** The API group and version of PLUS's custom resources. */
public final class PlusApi {
    public static final String GROUP = "plus.io";
    public static final String VERSION = "v1alpha1";

    private PlusApi() {
    }
}
