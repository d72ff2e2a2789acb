package io.hedgedesk.web.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The public OpenAPI document ({@code /q/openapi}) describes the JSON API under {@value #API} and nothing else. The
 * scanner sees every resource, pages included (their routes, and the template engine's and the JDK's types they
 * return); this keeps the API's paths, the schemas they reach, and adds what the scanner cannot know: the error
 * shape of every 400 and 404, and examples, a request for every operation with a body and the answers
 * ({@link ApiExamples}). The login's security scheme is not added
 * ({@code quarkus.smallrye-openapi.auto-add-security=false}): no API operation needs a login. Runs once, when the
 * application is built.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ApiDocumentFilter implements OASFilter {

    static final String API = "/api/v1/";
    static final String ERROR_SCHEMA = "ApiError";
    private static final String REF_PREFIX = "#/components/schemas/";
    private static final String JSON = "application/json";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Map<String, PathItem> paths =
                openAPI.getPaths() == null ? Map.of() : openAPI.getPaths().getPathItems();
        for (String path : List.copyOf(paths.keySet())) {
            if (!path.startsWith(API)) {
                openAPI.getPaths().removePathItem(path);
            }
        }
        Components components =
                openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSchema(ERROR_SCHEMA, errorSchema());
        openAPI.getPaths()
                .getPathItems()
                .forEach((path, item) -> item.getOperations().values().forEach(op -> complete(path, op)));
        keepReachableSchemas(openAPI, components);
    }

    private static void complete(String path, Operation op) {
        ApiExamples.request(path).ifPresent(example -> {
            MediaType body = op.getRequestBody() == null || op.getRequestBody().getContent() == null
                    ? null
                    : op.getRequestBody().getContent().getMediaType(JSON);
            if (body != null) {
                body.setExample(example);
            }
        });
        ApiExamples.response(path).ifPresent(example -> {
            APIResponse ok = op.getResponses().getAPIResponse("200");
            MediaType json = ok == null || ok.getContent() == null
                    ? null
                    : ok.getContent().getMediaType(JSON);
            if (json != null) {
                json.setExample(example);
            }
        });
        if (op.getRequestBody() != null) {
            op.getResponses()
                    .addAPIResponse("400", error("A field cannot be used; the body names it", ApiExamples.BAD_REQUEST));
        }
        if (path.contains("{")) {
            op.getResponses().addAPIResponse("404", error("Not found", ApiExamples.NOT_FOUND));
        }
    }

    private static APIResponse error(String description, Map<String, Object> example) {
        MediaType json = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(ERROR_SCHEMA))
                .example(example);
        Content content = OASFactory.createContent().addMediaType(JSON, json);
        return OASFactory.createAPIResponse().description(description).content(content);
    }

    private static Schema errorSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("Every refused request: the HTTP status, its title and what was wrong")
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("error", text)
                .addProperty(
                        "field",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .description("the request field at fault, as the client named it (fills[2].size); empty"
                                        + " when the whole body is at fault"))
                .addProperty("message", text)
                .addProperty(
                        "errorId",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .description("server errors only: quote it to the administrator"))
                .required(List.of("status", "error", "message"));
    }

    /**
     * Drops every component schema that no remaining operation reaches, directly or through other schemas, and writes
     * single-value schemas (a date) in place.
     */
    private static void keepReachableSchemas(OpenAPI openAPI, Components components) {
        Map<String, Schema> schemas = components.getSchemas() == null ? Map.of() : components.getSchemas();
        Deque<Schema> toVisit = new ArrayDeque<>();
        openAPI.getPaths()
                .getPathItems()
                .values()
                .forEach(item -> item.getOperations().values().forEach(op -> operationSchemas(op, toVisit)));
        Set<String> reached = new HashSet<>();
        Set<Schema> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        while (!toVisit.isEmpty()) {
            Schema schema = toVisit.pop();
            if (!seen.add(schema)) {
                continue;
            }
            String ref = schema.getRef();
            Schema target =
                    ref == null || !ref.startsWith(REF_PREFIX) ? null : schemas.get(ref.substring(REF_PREFIX.length()));
            if (target != null && isScalar(target)) {
                Map<String, Object> inlined = new LinkedHashMap<>(schema.getAll());
                inlined.remove("$ref");
                inlined.putAll(target.getAll());
                schema.setAll(inlined);
            } else if (target != null && reached.add(ref.substring(REF_PREFIX.length()))) {
                toVisit.push(target);
            }
            schema.getAll().values().forEach(value -> nested(value, toVisit));
        }
        for (String name : List.copyOf(schemas.keySet())) {
            if (!reached.contains(name)) {
                components.removeSchema(name);
            }
        }
    }

    /** A date or another single value: written where it is used, not as a component named after a JDK class. */
    private static boolean isScalar(Schema schema) {
        return schema.getProperties() == null
                && schema.getType() != null
                && !schema.getType().contains(Schema.SchemaType.OBJECT)
                && !schema.getType().contains(Schema.SchemaType.ARRAY);
    }

    private static void operationSchemas(Operation op, Deque<Schema> toVisit) {
        if (op.getRequestBody() != null) {
            content(op.getRequestBody().getContent(), toVisit);
        }
        if (op.getResponses() != null) {
            op.getResponses().getAPIResponses().values().forEach(r -> content(r.getContent(), toVisit));
        }
        if (op.getParameters() != null) {
            op.getParameters().stream().map(Parameter::getSchema).forEach(s -> nested(s, toVisit));
        }
    }

    private static void content(Content content, Deque<Schema> toVisit) {
        if (content != null) {
            content.getMediaTypes().values().forEach(m -> nested(m.getSchema(), toVisit));
        }
    }

    /** A schema, or the schemas in a list or map of them (properties, items, allOf, anyOf…). */
    private static void nested(Object value, Deque<Schema> toVisit) {
        if (value instanceof Schema schema) {
            toVisit.push(schema);
        } else if (value instanceof Collection<?> list) {
            list.forEach(v -> nested(v, toVisit));
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> nested(v, toVisit));
        }
    }
}
