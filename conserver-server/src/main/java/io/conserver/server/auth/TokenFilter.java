package io.conserver.server.auth;

import io.conserver.server.api.ApiError;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the API token on every request but {@code /health}, {@code /version} and the OpenAPI
 * document. External ingress also accepts the tokens of the one list it names. With no API token
 * configured the server listens on loopback only (see the application) and this filter lets
 * callers through, except on external ingress to a list that has its own tokens: that list is
 * guarded by them either way.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class TokenFilter implements ContainerRequestFilter {
    private static final Logger LOG = LoggerFactory.getLogger(TokenFilter.class);
    private static final Set<String> OPEN = Set.of("health", "version", "openapi.json");
    private static final String EXTERNAL_INGRESS = "vcon/external-ingress";

    private final String header;
    private final ApiTokens tokens;
    private final Map<String, ApiTokens> listTokens;

    public TokenFilter(String header, ApiTokens tokens, Map<String, ApiTokens> listTokens) {
        this.header = header;
        this.tokens = tokens;
        this.listTokens = listTokens;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = trimSlashes(request.getUriInfo().getPath());
        if (OPEN.contains(path)) {
            return;
        }
        String presented = request.getHeaderString(header);
        ApiTokens forList = null;
        if (EXTERNAL_INGRESS.equals(path) && "POST".equals(request.getMethod())) {
            String list = request.getUriInfo().getQueryParameters().getFirst("ingress_list");
            forList = list == null ? null : listTokens.get(list);
            if (forList != null && forList.matches(presented)) {
                return;
            }
        }
        if (tokens.isEmpty() ? forList == null : tokens.matches(presented)) {
            return;
        }
        boolean missing = presented == null || presented.isEmpty();
        LOG.info("refused {} {}: {} API token", request.getMethod(), path, missing ? "no" : "a wrong");
        int status = missing ? 401 : 403;
        request.abortWith(Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiError.of(status, missing ? "unauthorized" : "forbidden",
                        (missing ? "this request needs a token in the " : "the token in the ") + header
                                + (missing ? " header" : " header is not accepted here")))
                .build());
    }

    private static String trimSlashes(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }
}
