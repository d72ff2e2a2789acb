package io.hedgedesk.web.calculator;

import io.hedgedesk.pricing.catalog.ContractCatalog;
import io.hedgedesk.web.api.BadInputException;
import io.hedgedesk.web.user.CurrentUser;
import io.hedgedesk.web.user.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The public position calculator page: a GET form (calculating changes nothing, so the inputs live in the URL and a
 * result can be bookmarked or shared). A bad field is reported next to it; the form keeps what was typed.
 */
@Path("/calculator")
@Produces(MediaType.TEXT_HTML)
public class CalculatorResource {

    /**
     * @param field   the input at fault, empty when the message concerns the whole form
     * @param message what is wrong, naming the field
     */
    public record FieldError(String field, String message) {

        static final FieldError NONE = new FieldError("", "");

        /** True when the message belongs next to the input {@code name}. */
        public boolean is(String name) {
            return !message.isEmpty() && field.equals(name);
        }

        /** True for a message about the form as a whole. */
        public boolean isGeneral() {
            return !message.isEmpty() && field.isEmpty();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance calculator(Viewer viewer, List<ContractView> contracts, PositionForm form,
                                                  Optional<PositionReport> report, FieldError error);
    }

    private final ContractCatalog catalog;
    private final PositionCalculator calculator;
    private final CurrentUser currentUser;

    public CalculatorResource(ContractCatalog catalog, PositionCalculator calculator, CurrentUser currentUser) {
        this.catalog = catalog;
        this.calculator = calculator;
        this.currentUser = currentUser;
    }

    @GET
    public TemplateInstance calculator(@RestQuery String contract, @RestQuery String side, @RestQuery String size,
                                       @RestQuery String entryPrice, @RestQuery String leverage,
                                       @RestQuery String markPrice, @RestQuery String extraMargin,
                                       @RestQuery String fundingRate) {
        PositionForm form = new PositionForm(contract, side, size, entryPrice, leverage, markPrice, extraMargin,
                fundingRate);
        if (form.isEmpty()) {
            form = PositionForm.example();
        }
        Optional<PositionReport> report = Optional.empty();
        FieldError error = FieldError.NONE;
        try {
            report = Optional.of(calculator.analyze(form));
        } catch (BadInputException e) {
            error = new FieldError(e.field(), e.getMessage());
        } catch (IllegalArgumentException e) {
            if (!e.getClass().getName().startsWith("io.hedgedesk.")) {
                throw e;
            }
            error = new FieldError("", e.getMessage());
        }
        List<ContractView> contracts = catalog.all().stream().map(ContractView::of).toList();
        return Templates.calculator(currentUser.viewer(), contracts, form, report, error);
    }
}
