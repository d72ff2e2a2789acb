package io.hedgedesk.web.support;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Team and portfolio pages show private holdings: browsers and proxies must not keep them ({@code no-store}). */
public class NoStoreFilter {

    @ServerResponseFilter
    public void noStore(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/teams") || path.startsWith("/portfolios")) {
            response.getHeaders().putSingle("Cache-Control", "no-store");
        }
    }
}
