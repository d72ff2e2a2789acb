package io.hedgedesk.web.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

/** Health lives on the management port (9001 in tests unless MANAGEMENT_TEST_PORT says otherwise), so it is never exposed with the application. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class HealthTest {

    private static final int MANAGEMENT_TEST_PORT =
            Integer.parseInt(System.getenv().getOrDefault("MANAGEMENT_TEST_PORT", "9001"));

    @Test
    void readinessIsUpAndReportsTheDatabase() {
        given().port(MANAGEMENT_TEST_PORT)
                .when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"));
    }

    @Test
    void livenessDoesNotDependOnTheDatabase() {
        given().port(MANAGEMENT_TEST_PORT)
                .when()
                .get("/q/health/live")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.not(hasItem("Database connections health check")));
    }

    @Test
    void healthIsNotServedOnTheApplicationPort() {
        given().redirects()
                .follow(false)
                .when()
                .get("/q/health/ready")
                .then()
                .statusCode(org.hamcrest.Matchers.not(200));
    }
}
