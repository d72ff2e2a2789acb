package io.hedgedesk.marketdata.statement;

import io.hedgedesk.domain.DomainException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** A file whose header is none of the formats hedgedesk reads; the message lists them. */
public final class UnknownStatementException extends DomainException {

    UnknownStatementException(String header) {
        super(
                "file",
                "This file's header (" + header + ") is none of the exports hedgedesk reads: "
                        + Arrays.stream(StatementFormat.values())
                                .filter(StatementFormat::isFile)
                                .map(StatementFormat::title)
                                .collect(Collectors.joining(", "))
                        + ".");
    }
}
