package io.hedgedesk.web.security.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.web.support.Browser;
import java.util.Locale;
import java.util.Set;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.WebResponse;
import org.htmlunit.html.DomAttr;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;

/** Checks that a rendered page carries no markup of user data: no handlers, inline scripts or script URLs. */
final class Html {

    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "xlink:href");

    private Html() {}

    /** Fails if the page shows a stored payload as markup (parsed as a browser would, not by string matching). */
    static void assertInert(WebResponse response, String what) throws Exception {
        String body = response.getContentAsString();
        assertThat(body)
                .as(what)
                .doesNotContain("<script>alert(1)</script>")
                .doesNotContain("<img src=x")
                .doesNotContain("<IMG SRC=x");
        if (!response.getContentType().equals("text/html")) {
            return;
        }
        try (WebClient scratch = Browser.create()) {
            Page page = scratch.loadWebResponseInto(response, scratch.getCurrentWindow());
            for (DomElement e : ((HtmlPage) page).getHtmlElementDescendants()) {
                for (DomAttr a : e.getAttributesMap().values()) {
                    String name = a.getName().toLowerCase(Locale.ROOT);
                    String value = a.getValue().strip().toLowerCase(Locale.ROOT);
                    assertThat(name)
                            .as(what + ": attribute of <" + e.getTagName() + ">")
                            .doesNotStartWith("on");
                    if (URL_ATTRIBUTES.contains(name)) {
                        assertThat(value)
                                .as(what + ": " + name + " of <" + e.getTagName() + ">")
                                .doesNotStartWith("javascript:")
                                .isNotEqualTo("x");
                    }
                }
                if (e.getTagName().equals("script")) {
                    assertThat(e.getAttribute("src"))
                            .as(what + ": a script without src")
                            .isNotEmpty();
                    assertThat(e.getTextContent()).as(what + ": inline script").isBlank();
                }
            }
        }
    }
}
