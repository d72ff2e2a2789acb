package io.hedgedesk.web.security;

/** The application was configured in a way that is unsafe to run with; it refuses to start. */
public class InsecureConfigurationException extends RuntimeException {

    public InsecureConfigurationException(String message) {
        super(message);
    }
}
