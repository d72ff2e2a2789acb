package io.hedgedesk.web.support;

import org.htmlunit.SilentCssErrorHandler;
import org.htmlunit.WebClient;

/** A headless HTML client for server-rendered pages: no JavaScript (every page must work without it). */
public final class Browser {

    private Browser() {}

    public static WebClient create() {
        WebClient client = new WebClient();
        client.setCssErrorHandler(new SilentCssErrorHandler());
        client.getOptions().setJavaScriptEnabled(false);
        client.getOptions().setCssEnabled(false);
        client.getOptions().setRedirectEnabled(true);
        client.getOptions().setThrowExceptionOnFailingStatusCode(false);
        return client;
    }
}
