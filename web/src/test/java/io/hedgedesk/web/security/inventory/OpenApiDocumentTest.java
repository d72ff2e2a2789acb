package io.hedgedesk.web.security.inventory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The public {@code /q/openapi} document describes the JSON API and nothing else: only {@code /api/v1} paths (every
 * one of them, found in the compiled resources), only the API's own schemas (no page, template-engine or JDK type),
 * each operation with its request and response schema, a request example that the API itself accepts and an answer
 * whose fields the API still gives; and the
 * document validates (swagger-parser). The document is written to {@code target/openapi.json} to read.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    /** Types that leaked into the document once: page resources return Qute templates. */
    private static final List<String> FOREIGN = List.of(
            "EngineImpl",
            "TemplateInstance",
            "ValueResolver",
            "AtomicLong",
            "Charset",
            "Locale",
            "Template",
            "Engine",
            "Variant",
            "RawString",
            "Response",
            "MultipartForm");
    /** A schema named like a class of one of these packages describes the JDK or a framework, not our API. */
    private static final List<String> FOREIGN_PACKAGES = List.of(
            "java.lang",
            "java.util",
            "java.util.concurrent",
            "java.util.concurrent.atomic",
            "java.nio.charset",
            "java.time",
            "java.math",
            "java.io",
            "java.net",
            "io.quarkus.qute",
            "jakarta.ws.rs.core",
            "io.vertx.core");

    private String text;
    private JsonNode document;

    @BeforeEach
    void fetch() throws Exception {
        text = given().accept(ContentType.JSON)
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Files.writeString(Path.of("target", "openapi.json"), text);
        document = new ObjectMapper().readTree(text);
    }

    @Test
    void everyPathIsAnApiPathAndEveryApiRouteIsThere() {
        Set<String> published = new TreeSet<>();
        document.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(m -> {
                    if (METHODS.contains(m)) {
                        published.add(m.toUpperCase() + " " + path.getKey());
                    }
                }));
        assertThat(published)
                .as("published operations")
                .isNotEmpty()
                .allSatisfy(op -> assertThat(op.substring(op.indexOf(' ') + 1)).startsWith("/api/v1/"));
        Set<String> api = Routes.all().stream()
                .filter(r -> r.path().startsWith("/api/v1/"))
                .map(Routes.Route::toString)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(published).as("every API route and only those").isEqualTo(api);
    }

    @Test
    void everySchemaIsTheApisOwn() {
        Set<String> names = new TreeSet<>();
        document.path("components").path("schemas").fieldNames().forEachRemaining(names::add);
        assertThat(names).as("component schemas").isNotEmpty();
        for (String name : names) {
            assertThat(FOREIGN).as("schema " + name).doesNotContain(name);
            for (String pkg : FOREIGN_PACKAGES) {
                assertThat(exists(pkg + "." + name))
                        .as("schema " + name + " names a class of " + pkg)
                        .isFalse();
            }
        }
        for (String ref : document.findValuesAsText("$ref")) {
            assertThat(ref).as("a reference").startsWith("#/components/schemas/");
            assertThat(names).as("the target of " + ref).contains(ref.substring("#/components/schemas/".length()));
        }
        for (String foreign : FOREIGN) {
            assertThat(text).as("the document").doesNotContain("\"" + foreign + "\"");
        }
    }

    @Test
    void everyOperationHasItsSchemasAndAnExampleTheApiAccepts() {
        document.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                    if (!METHODS.contains(op.getKey())) {
                        return;
                    }
                    String what = op.getKey().toUpperCase() + " " + path.getKey();
                    JsonNode operation = op.getValue();
                    assertThat(operation.path("summary").asText())
                            .as(what + " summary")
                            .isNotBlank();
                    JsonNode ok = operation
                            .path("responses")
                            .path("200")
                            .path("content")
                            .path("application/json");
                    assertThat(ok.path("schema").isMissingNode())
                            .as(what + " 200 schema")
                            .isFalse();
                    assertThat(ok.has("example")).as(what + " 200 example").isTrue();
                    String live;
                    if (op.getKey().equals("post")) {
                        JsonNode body =
                                operation.path("requestBody").path("content").path("application/json");
                        assertThat(body.path("schema").path("$ref").asText())
                                .as(what + " request schema")
                                .isNotBlank();
                        JsonNode example = body.path("example");
                        assertThat(example.isObject())
                                .as(what + " request example")
                                .isTrue();
                        live = given().contentType(ContentType.JSON)
                                .accept(ContentType.JSON)
                                .body(example.toString())
                                .post(path.getKey())
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString();
                        JsonNode bad = operation
                                .path("responses")
                                .path("400")
                                .path("content")
                                .path("application/json");
                        assertThat(bad.path("schema").path("$ref").asText())
                                .as(what + " 400 schema")
                                .isEqualTo("#/components/schemas/ApiError");
                    } else {
                        live = given().accept(ContentType.JSON)
                                .get(path.getKey().replace("{id}", "BYBIT:ETHUSD"))
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString();
                    }
                    try {
                        assertFieldsStillThere(what, ok.path("example"), new ObjectMapper().readTree(live));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }));
        JsonNode error =
                document.path("components").path("schemas").path("ApiError").path("properties");
        assertThat(error.has("status") && error.has("error") && error.has("field") && error.has("message"))
                .as("ApiError: the API's error shape " + error)
                .isTrue();
    }

    /** Every field of the published answer is in the live one (examples stay true; new fields may be missing). */
    private static void assertFieldsStillThere(String what, JsonNode example, JsonNode live) {
        if (example.isArray() && !example.isEmpty()) {
            assertThat(live.isArray() && !live.isEmpty())
                    .as(what + ": a non-empty list")
                    .isTrue();
            assertFieldsStillThere(what + "[0]", example.get(0), live.get(0));
        } else if (example.isObject()) {
            example.fields().forEachRemaining(f -> {
                assertThat(live.has(f.getKey()))
                        .as(what + " answers " + f.getKey())
                        .isTrue();
                assertFieldsStillThere(what + "." + f.getKey(), f.getValue(), live.get(f.getKey()));
            });
        }
    }

    @Test
    void everyRequestSchemaListsExactlyTheFieldsOfItsRequestRecord() {
        for (Routes.Route r : Routes.all().stream()
                .filter(r -> r.path().startsWith("/api/v1/") && !r.isGet())
                .toList()) {
            JsonNode schema = document.path("paths")
                    .path(r.path())
                    .path("post")
                    .path("requestBody")
                    .path("content")
                    .path("application/json")
                    .path("schema");
            assertSameFields(r.toString(), schema, r.body());
        }
    }

    /** The schema (or the schema it refers to) has one property per record component, nested records too. */
    private void assertSameFields(String what, JsonNode schema, java.lang.reflect.Type type) {
        if (type instanceof java.lang.reflect.ParameterizedType list && list.getRawType() == List.class) {
            assertSameFields(what + "[]", schema.path("items"), list.getActualTypeArguments()[0]);
            return;
        }
        if (!(type instanceof Class<?> c) || !c.isRecord()) {
            return;
        }
        JsonNode resolved =
                schema.has("$ref") ? document.at(schema.path("$ref").asText().substring(1)) : schema;
        Set<String> properties = new TreeSet<>();
        resolved.path("properties").fieldNames().forEachRemaining(properties::add);
        Set<String> components = new TreeSet<>();
        for (java.lang.reflect.RecordComponent component : c.getRecordComponents()) {
            components.add(component.getName());
            assertSameFields(
                    what + "." + component.getName(),
                    resolved.path("properties").path(component.getName()),
                    component.getGenericType());
        }
        assertThat(properties).as(what + " request schema " + c.getSimpleName()).isEqualTo(components);
    }

    @Test
    void theDocumentValidates() {
        ParseOptions options = new ParseOptions();
        options.setValidateInternalRefs(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
        assertThat(result.getOpenAPI()).as("parsed").isNotNull();
        assertThat(result.getMessages()).as("validation messages").isEmpty();
        assertThat(document.path("openapi").asText()).startsWith("3.");
        assertThat(document.path("info").path("title").asText()).isEqualTo("hedgedesk API");
        assertThat(document.path("paths").size()).as("paths").isPositive();
        // the API needs no login: the login's scheme (and the provider's address) is not published
        assertThat(document.path("components").has("securitySchemes"))
                .as("security schemes")
                .isFalse();
    }

    private static boolean exists(String className) {
        try {
            Class.forName(className, false, OpenApiDocumentTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
