package io.hedgedesk.web.hedge;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/** Form bindings of the hedge pages. Ids, team, owner and status are never bound from forms. */
final class HedgeForms {

    private HedgeForms() {}

    /** The manual "record an opened hedge" form. */
    public record OpenForm(
            @RestForm String contractId,
            @RestForm String side,
            @RestForm String size,
            @RestForm String entryPrice,
            @RestForm String leverage,
            @RestForm String margin,
            @RestForm String marginSource,
            @RestForm("holding") List<String> holdings,
            @RestForm String targetCoverage,
            @RestForm String fee,
            @RestForm String openedAt,
            @RestForm String formToken) {

        static OpenForm empty() {
            return new OpenForm("", "SHORT", "", "", "1", "0", "EXTRA_COIN", List.of(), "100", "0", "", "");
        }

        public boolean holds(long holdingId) {
            return holdings != null && holdings.contains(Long.toString(holdingId));
        }
    }

    /**
     * Figures to start the hedge form with, e.g. a position an exchange connection reports ("record it"): the user
     * checks and completes them; nothing is recorded before the form is submitted.
     */
    public record Prefill(
            @RestQuery String contractId,
            @RestQuery String side,
            @RestQuery String size,
            @RestQuery String entryPrice,
            @RestQuery String leverage,
            @RestQuery String margin) {

        OpenForm form() {
            OpenForm empty = OpenForm.empty();
            return new OpenForm(
                    or(contractId, empty.contractId()),
                    or(side, empty.side()),
                    or(size, empty.size()),
                    or(entryPrice, empty.entryPrice()),
                    or(leverage, empty.leverage()),
                    or(margin, empty.margin()),
                    empty.marginSource(),
                    empty.holdings(),
                    empty.targetCoverage(),
                    empty.fee(),
                    empty.openedAt(),
                    empty.formToken());
        }

        private static String or(String value, String otherwise) {
            return value == null || value.isBlank() ? otherwise : value;
        }
    }

    /** An action on a hedge (both the first step and the confirmed submit carry the same fields). */
    public record ActionForm(
            @RestForm String type,
            @RestForm String quantity,
            @RestForm String price,
            @RestForm String amount,
            @RestForm String fee,
            @RestForm String fundingRate,
            @RestForm String usdPrice,
            @RestForm String occurredAt,
            @RestForm String note,
            @RestForm String correctsEventId,
            @RestForm Long version,
            @RestForm String formToken) {

        static ActionForm empty(long version) {
            return new ActionForm("INCREASE", "", "", "", "", "", "", "", "", "", version, "");
        }

        ActionForm withToken(String token) {
            return new ActionForm(
                    type,
                    quantity,
                    price,
                    amount,
                    fee,
                    fundingRate,
                    usdPrice,
                    occurredAt,
                    note,
                    correctsEventId,
                    version,
                    token);
        }
    }

    /** The same fields in the review page's address (post/redirect/get). */
    public record ActionQuery(
            @RestQuery String type,
            @RestQuery String quantity,
            @RestQuery String price,
            @RestQuery String amount,
            @RestQuery String fee,
            @RestQuery String fundingRate,
            @RestQuery String usdPrice,
            @RestQuery String occurredAt,
            @RestQuery String note,
            @RestQuery String correctsEventId,
            @RestQuery Long version,
            @RestQuery String formToken) {

        ActionForm form() {
            return new ActionForm(
                    type,
                    quantity,
                    price,
                    amount,
                    fee,
                    fundingRate,
                    usdPrice,
                    occurredAt,
                    note,
                    correctsEventId,
                    version,
                    formToken);
        }
    }

    /** The review page of {@code form} on the hedge: every field in the query, URL-encoded. */
    static URI reviewUri(long hedgeId, ActionForm form) {
        StringBuilder uri = new StringBuilder("/hedges/" + hedgeId + "/confirm?");
        String[][] fields = {
            {"type", form.type()},
            {"quantity", form.quantity()},
            {"price", form.price()},
            {"amount", form.amount()},
            {"fee", form.fee()},
            {"fundingRate", form.fundingRate()},
            {"usdPrice", form.usdPrice()},
            {"occurredAt", form.occurredAt()},
            {"note", form.note()},
            {"correctsEventId", form.correctsEventId()},
            {"version", form.version() == null ? "" : form.version().toString()},
            {"formToken", form.formToken()}
        };
        for (String[] f : fields) {
            uri.append(f[0])
                    .append('=')
                    .append(URLEncoder.encode(f[1] == null ? "" : f[1], StandardCharsets.UTF_8))
                    .append('&');
        }
        return URI.create(uri.substring(0, uri.length() - 1));
    }

    /** A submission key read from a form or an address; empty when missing or malformed. */
    static Optional<UUID> key(String text) {
        try {
            return text == null || text.isBlank() ? Optional.empty() : Optional.of(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Close targets; empty fields clear a target. */
    public record TargetsForm(
            @RestForm String stopPrice,
            @RestForm String takeProfitPrice,
            @RestForm String maxFundingCostUsd,
            @RestForm Long version) {

        /** The targets stored on the hedge. */
        static TargetsForm of(HedgeView view) {
            return new TargetsForm(view.stopInput(), view.takeProfitInput(), view.maxFundingInput(), view.version());
        }

        /** The values as typed, to submit again against {@code current}. */
        TargetsForm withVersion(long current) {
            return new TargetsForm(stopPrice, takeProfitPrice, maxFundingCostUsd, current);
        }
    }
}
