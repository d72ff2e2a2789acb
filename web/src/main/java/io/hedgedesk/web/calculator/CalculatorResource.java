package io.hedgedesk.web.calculator;

import io.hedgedesk.domain.DomainException;
import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import io.hedgedesk.web.api.BadInputException;
import io.hedgedesk.web.api.Inputs;
import io.hedgedesk.web.binding.BadNumberException;
import io.hedgedesk.web.position.ContractBinder;
import io.hedgedesk.web.position.ContractView;
import io.hedgedesk.web.position.PositionCalculator;
import io.hedgedesk.web.position.PositionForm;
import io.hedgedesk.web.position.PositionReport;
import io.hedgedesk.web.sizing.MinimumVarianceCalculator;
import io.hedgedesk.web.user.CurrentUser;
import io.hedgedesk.web.user.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        static native TemplateInstance calculator(
                Viewer viewer,
                List<ContractView> contracts,
                PositionForm form,
                CustomContractQuery custom,
                Optional<PositionReport> report,
                FieldError error,
                MinimumVarianceSection minimumVariance);
    }

    private final ContractCatalog catalog;
    private final PositionCalculator calculator;
    private final MinimumVarianceCalculator minimumVariance;
    private final CurrentUser currentUser;

    public CalculatorResource(
            ContractCatalog catalog,
            PositionCalculator calculator,
            MinimumVarianceCalculator minimumVariance,
            CurrentUser currentUser) {
        this.catalog = catalog;
        this.calculator = calculator;
        this.minimumVariance = minimumVariance;
        this.currentUser = currentUser;
    }

    /** The position form's number fields as the page labels them. */
    static final Map<String, String> LABELS = Map.of(
            "size",
            "Size",
            "entryPrice",
            "Entry price",
            "leverage",
            "Leverage",
            "markPrice",
            "Mark price",
            "extraMargin",
            "Extra isolated margin",
            "fundingRate",
            "Funding rate per interval",
            "makerFeeRate",
            "Maker fee rate",
            "takerFeeRate",
            "Taker fee rate",
            "targetRoePercent",
            "Target ROE %",
            "balance",
            "Balance");

    @GET
    public TemplateInstance calculator(@Context UriInfo uri) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        PositionForm form = new PositionForm(
                query.getFirst("contract"),
                query.getFirst("side"),
                query.getFirst("size"),
                query.getFirst("entryPrice"),
                query.getFirst("leverage"),
                query.getFirst("markPrice"),
                query.getFirst("extraMargin"),
                query.getFirst("fundingRate"),
                query.getFirst("feeTier"),
                query.getFirst("makerFeeRate"),
                query.getFirst("takerFeeRate"),
                query.getFirst("targetRoePercent"),
                query.getFirst("balance"),
                null);
        if (form.isEmpty()) {
            form = PositionForm.example();
        }
        Optional<PositionReport> report = Optional.empty();
        FieldError error = FieldError.NONE;
        CustomContractQuery custom = CustomContractQuery.of(query);
        try {
            PositionForm asked =
                    Inputs.isBlank(form.contract()) && custom.isGiven() ? form.withCustomContract(custom.form()) : form;
            report = Optional.of(calculator.analyze(asked));
        } catch (BadInputException e) {
            // a custom contract's fields are reported above the form; a number is named by its label
            String message = e instanceof BadNumberException number && LABELS.containsKey(e.field())
                    ? number.messageFor(LABELS.get(e.field()))
                    : e.getMessage();
            error = new FieldError(e.field().startsWith(ContractBinder.CUSTOM) ? "" : e.field(), message);
        } catch (DomainException e) {
            // a rule of the contract or the pricer: reported above the form
            error = new FieldError("", e.getMessage());
        }
        List<ContractView> contracts =
                catalog.all().stream().map(ContractView::of).toList();
        return Templates.calculator(
                currentUser.viewer(),
                contracts,
                form,
                custom,
                report,
                error,
                MinimumVarianceSection.of(query, minimumVariance));
    }
}
