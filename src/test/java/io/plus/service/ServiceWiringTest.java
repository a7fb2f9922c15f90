package io.plus.service;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

/** The application reaches the real PostgreSQL and Redis on localhost through its configuration. */
@QuarkusTest
class ServiceWiringTest {

    @Test
    void readinessSeesPostgresqlAndRedisUp() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItem(containsString("PostgreSQL")))
                .body("checks.name", hasItem(containsString("Redis")))
                .body("checks.status", everyItem(is("UP")));
    }
}
