package io.plus.data;

/** What one unit of a user's context is, when counting how much context a user has given. */
public enum ContextUnit {
    /** One labelled context pair (the synthetic sets: every pair is a separate question). */
    PAIR,
    /** One query with all its context pairs (DSP: the user's whole choice among a query's answers). */
    QUERY
}
