package io.plus.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** The PostgreSQL database the functions store feedback in; credentials stay in a Secret. */
public class DatabaseReference {
    @Required
    @Pattern("^postgresql://[^\\s@/]+(/[^\\s]*)?$")
    @JsonPropertyDescription("postgresql://host:port/database (no credentials here).")
    public String url;

    @Required
    @JsonPropertyDescription("Secret holding the keys 'username' and 'password' of the database user.")
    public String credentialsSecret;
}
