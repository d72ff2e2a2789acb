package io.hedgedesk.persistence;

import io.hedgedesk.domain.DomainException;

/**
 * Someone else changed (or deleted) the object since the form was loaded: the submitted version is not the stored
 * one. Nothing was saved.
 */
public class StaleEditException extends DomainException {

    private final String objectType;
    private final long objectId;

    public StaleEditException(String objectType, long objectId, long submittedVersion) {
        super(
                "version",
                objectType + " " + objectId + " was changed by someone else (submitted version " + submittedVersion
                        + ")");
        this.objectType = objectType;
        this.objectId = objectId;
    }

    public String objectType() {
        return objectType;
    }

    public long objectId() {
        return objectId;
    }
}
