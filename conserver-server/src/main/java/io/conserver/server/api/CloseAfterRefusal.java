package io.conserver.server.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * Closes the connection after an error answer to a request that carried a body. Refusals (a
 * missing token, an unknown list, a body too large) are often answered before the body is read;
 * Jetty then drops the connection once the answer is sent, and a client that reuses it for its
 * next request fails with an empty reply. Saying {@code Connection: close} makes the client open a
 * new connection instead, and spares the server from reading a refused body.
 */
public final class CloseAfterRefusal implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() >= 400 && hasBody(request)) {
            response.getHeaders().putSingle("Connection", "close");
        }
    }

    private static boolean hasBody(ContainerRequestContext request) {
        return request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
    }
}
