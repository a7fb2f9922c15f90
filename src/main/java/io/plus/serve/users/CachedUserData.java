package io.plus.serve.users;

import io.smallrye.mutiny.Uni;

/**
 * A cache holding data of users (the summary cache): erasure empties it for the user. Erasure
 * depends on this, not on the cache, so users does not depend on summary.
 */
public interface CachedUserData {
    /** 1 if an entry was removed, 0 if none, -1 if the cache did not answer (the entry is dropped on retry). */
    Uni<Integer> erase(UserKey user);
}
