package io.hedgedesk.web.error;

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
        String message = switch (status) {
            case 404 -> "There is nothing here. The page may have moved, or you may not have access to it.";
            case 405 -> "That action is not available here.";
            case 413 -> "The request is too large.";
            case 415 -> "That kind of content is not accepted here.";
            default -> "The request could not be processed.";
        };
        return render(status, title(status), message, "", uri, headers);
    }

    @ServerExceptionMapper
    public Response mapUnexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
        return serverError(e, uri, headers);
    }

    private Response serverError(Throwable e, UriInfo uri, HttpHeaders headers) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", errorId, sanitize(uri.getPath()));
        return render(500, "Something went wrong",
                "The error has been logged. If it keeps happening, quote the error id to your administrator.",
                errorId, uri, headers);
    }

    private Response render(int status, String title, String message, String errorId, UriInfo uri, HttpHeaders headers) {
        if (wantsJson(uri, headers)) {
            Map<String, Object> body = errorId.isEmpty()
                    ? Map.of("status", status, "error", title, "message", message)
                    : Map.of("status", status, "error", title, "message", message, "errorId", errorId);
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.error(Viewer.ANONYMOUS, status, title, message, errorId).render())
                .build();
    }

    private static boolean wantsJson(UriInfo uri, HttpHeaders headers) {
        if (uri.getPath().startsWith("/api/")) {
            return true;
        }
        return headers.getAcceptableMediaTypes().stream()
                .anyMatch(t -> t.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !t.isWildcardType());
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

    /** Keeps user-controlled text from forging log lines. */
    static String sanitize(String text) {
        return text.replaceAll("[\\r\\n\\t]", "_");
    }
}
