package io.hedgedesk.domain.instrument.catalog;

import io.hedgedesk.domain.DomainException;

/** No contract with the requested id in the catalog. */
public class ContractNotFoundException extends DomainException {

    private static final long serialVersionUID = 1L;

    private final String id;

    public ContractNotFoundException(String id) {
        super("", "no contract " + id + " in the catalog");
        this.id = id;
    }

    /** The id that was looked up. */
    public String id() {
        return id;
    }
}
