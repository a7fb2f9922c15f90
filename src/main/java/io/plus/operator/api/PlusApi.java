package io.plus.operator.api;

/** The API group and version of PLUS's custom resources. */
public final class PlusApi {
    public static final String GROUP = "plus.io";
    public static final String VERSION = "v1alpha1";
    /** Model version names, as the registry and the API accept them. */
    public static final String VERSION_NAME = "^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$";

    private PlusApi() {
    }
}
