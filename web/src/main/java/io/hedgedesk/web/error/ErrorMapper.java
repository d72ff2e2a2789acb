package io.hedgedesk.web.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.hedgedesk.domain.DomainException;
import io.hedgedesk.persistence.DuplicateSubmissionException;
import io.hedgedesk.persistence.StaleEditException;
import io.hedgedesk.persistence.Transactions;
import io.hedgedesk.web.api.BadInputException;
import io.hedgedesk.web.api.JsonConfiguration;
import io.hedgedesk.web.user.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become responses: a generic page (or JSON under {@code /api}) with the status and,
 * for server errors, an error id that is also in the log. Never a stack trace, SQL or class name.
 */
public class ErrorMapper {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(Viewer viewer, int status, String title, String message, String errorId);
    }

    private final ErrorViewer viewer;

    public ErrorMapper(ErrorViewer viewer) {
        this.viewer = viewer;
    }

    @ServerExceptionMapper
    public Response mapWebApplicationException(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status < 400) {
            return original;
        }
        if (status >= 500) {
            return serverError(e, uri, headers);
        }
        if (status == 400) {
            // Quarkus wraps a body it cannot parse; say what was wrong with it.
            return e.getCause() instanceof JsonProcessingException json
                    ? mapUnreadableJson(json, uri, headers)
                    : badRequest("", "The request could not be processed.", uri, headers);
        }
        String message = switch (status) {
            case 404 -> "There is nothing here. The page may have moved, or you may not have access to it.";
            case 405 -> "That action is not available here.";
            case 413 -> "The request is too large.";
            case 415 -> "That kind of content is not accepted here.";
            default -> "The request could not be processed.";
        };
        return render(status, title(status), message, "", uri, headers);
    }

    /** A request field that cannot be used: 400 naming the field. */
    @ServerExceptionMapper
    public Response mapBadInput(BadInputException e, UriInfo uri, HttpHeaders headers) {
        return badRequest(e.field(), e.getMessage(), uri, headers);
    }

    /**
     * A rule's refusal from any module (a domain or pricing guard clause: "leverage 150 exceeds the maximum 100 of
     * BYBIT:BTCUSD", a statement reader, the store) is about the client's input: 400 with the message and the field
     * it concerns; 409 when the input was right but came too late (the object changed since the form was loaded, or
     * the form was already submitted). An {@link IllegalArgumentException} that is not a {@link DomainException} is a
     * bug and stays a 500.
     */
    @ServerExceptionMapper
    public Response mapRejectedInput(IllegalArgumentException e, UriInfo uri, HttpHeaders headers) {
        if (!(e instanceof DomainException rule)) {
            return serverError(e, uri, headers);
        }
        int status = rule instanceof StaleEditException || rule instanceof DuplicateSubmissionException ? 409 : 400;
        return rejected(status, rule.field(), e.getMessage(), uri, headers);
    }

    /** Malformed JSON, a wrong type, an unknown or repeated field in a request body: 400 naming the field. */
    @ServerExceptionMapper
    public Response mapUnreadableJson(JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        String field = "";
        String message = "the request body is not valid JSON";
        var duplicate = JsonConfiguration.duplicateKey(e);
        if (duplicate.isPresent()) {
            field = duplicate.get();
            message = ErrorMapper.sanitize(field) + " is given twice; send each field once";
        } else if (e instanceof UnrecognizedPropertyException unknown) {
            field = unknown.getPropertyName();
            message = "unknown field \"" + ErrorMapper.sanitize(field) + "\"";
        } else if (e instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            field = mismatch.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                    .orElse("");
            message = field + " has the wrong type";
        }
        return badRequest(field, message, uri, headers);
    }

    @ServerExceptionMapper
    public Response mapUnreadableJson(MismatchedInputException e, UriInfo uri, HttpHeaders headers) {
        return mapUnreadableJson((JsonProcessingException) e, uri, headers);
    }

    /**
     * A request type Jackson cannot bind is our bug, not the client's: our 500 with an error id (Quarkus's own mapper
     * for this exception, more specific than {@link #mapUnexpected}, answers an empty 500).
     */
    @ServerExceptionMapper
    public Response mapUnbindable(InvalidDefinitionException e, UriInfo uri, HttpHeaders headers) {
        return serverError(e, uri, headers);
    }

    @ServerExceptionMapper
    public Response mapUnexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
        if (Transactions.valueRefused(e)) {
            // SQLState class 22: the database refused a value (a numeric overflow of a computed amount). The
            // operation's transaction was rolled back, so nothing was saved; the input was the cause.
            LOG.infof(
                    "Value refused by the database on %s: %s",
                    sanitize(uri.getPath()), sanitize(String.valueOf(e.getMessage())));
            return badRequest("", "A value is too large or too precise to be stored. Nothing was saved.", uri, headers);
        }
        return serverError(e, uri, headers);
    }

    private Response serverError(Throwable e, UriInfo uri, HttpHeaders headers) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", errorId, sanitize(uri.getPath()));
        return render(
                500,
                "Something went wrong",
                "The error has been logged. If it keeps happening, quote the error id to your administrator.",
                errorId,
                uri,
                headers);
    }

    private Response badRequest(String field, String message, UriInfo uri, HttpHeaders headers) {
        return rejected(400, field, message, uri, headers);
    }

    private Response rejected(int status, String field, String message, UriInfo uri, HttpHeaders headers) {
        LOG.infof("Rejected input on %s: %s", sanitize(uri.getPath()), sanitize(message));
        if (wantsJson(uri, headers)) {
            return Response.status(status)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("status", status, "error", title(status), "field", field, "message", message))
                    .build();
        }
        return render(status, title(status), message, "", uri, headers);
    }

    private Response render(
            int status, String title, String message, String errorId, UriInfo uri, HttpHeaders headers) {
        if (wantsJson(uri, headers)) {
            Map<String, Object> body = errorId.isEmpty()
                    ? Map.of("status", status, "error", title, "message", message)
                    : Map.of("status", status, "error", title, "message", message, "errorId", errorId);
            return Response.status(status)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(body)
                    .build();
        }
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.error(viewer.get(), status, title, message, errorId)
                        .render())
                .build();
    }

    private static boolean wantsJson(UriInfo uri, HttpHeaders headers) {
        if (uri.getPath().startsWith("/api/")) {
            return true;
        }
        try {
            return headers.getAcceptableMediaTypes().stream()
                    .anyMatch(t -> t.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !t.isWildcardType());
        } catch (IllegalArgumentException unparsableAccept) {
            // "Accept: a/b/c": answer the client's error as a page instead of failing again (a 500).
            return false;
        }
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Please log in";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 409 -> "Conflict";
            default -> "Request failed";
        };
    }

    /** The error page for a visitor who is not known (answered before the session is read). */
    public static String page(int status, String title, String message) {
        return Templates.error(Viewer.ANONYMOUS, status, title, message, "").render();
    }

    /** Keeps user-controlled text from forging log lines. */
    static String sanitize(String text) {
        return text.replaceAll("[\\r\\n\\t]", "_");
    }
}
