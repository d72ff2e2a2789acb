package io.hedgedesk.web.support;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/**
 * The single-use token of the page being rendered: the one in its address ({@code ?once=…}), so that Back renders
 * the same token and a second submission is recognised as a repeat ("already submitted"); a fresh one otherwise. One
 * per request. The links to a create form's page carry a new key each ({@link #onceKey}, no script needed).
 */
@RequestScoped
public class OnceKey {

    /** A new submission key for a link to a form page: {@code href="…/new?once={onceKey}"}. */
    @io.quarkus.qute.TemplateGlobal
    public static String onceKey() {
        return UUID.randomUUID().toString();
    }

    private final RoutingContext request;
    private String token;

    public OnceKey(RoutingContext request) {
        this.request = request;
    }

    public String token() {
        if (token == null) {
            token = fromAddress();
        }
        return token;
    }

    private String fromAddress() {
        String once = request.request().getParam("once");
        try {
            return once == null
                    ? UUID.randomUUID().toString()
                    : UUID.fromString(once.strip()).toString();
        } catch (IllegalArgumentException e) {
            return UUID.randomUUID().toString();
        }
    }
}
