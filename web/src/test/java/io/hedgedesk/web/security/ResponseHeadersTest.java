package io.hedgedesk.web.security;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** The header contract in test mode, against the WireMock OpenID provider. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ResponseHeadersTest extends ResponseHeadersContract {}
