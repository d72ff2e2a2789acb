package io.hedgedesk.web.home;

import io.hedgedesk.domain.user.AppUser;
import io.hedgedesk.web.user.CurrentUser;
import io.hedgedesk.web.user.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The public landing page and the logged-in user's dashboard. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance landing(Viewer viewer);

        static native TemplateInstance dashboard(Viewer viewer, AppUser user);
    }

    private final CurrentUser currentUser;

    public HomeResource(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @GET
    public TemplateInstance landing() {
        return Templates.landing(currentUser.viewer());
    }

    @GET
    @Path("dashboard")
    public TemplateInstance dashboard() {
        AppUser user = currentUser.get();
        return Templates.dashboard(Viewer.of(user), user);
    }
}
