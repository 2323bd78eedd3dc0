package io.conserver.server.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /api/openapi.json}: the API's OpenAPI 3.1 document, kept beside the code and checked by a test. */
@Path("/openapi.json")
public final class OpenApiResource {
    private final byte[] document;

    public OpenApiResource() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the jar");
            }
            this.document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public byte[] get() {
        return document.clone();
    }
}
