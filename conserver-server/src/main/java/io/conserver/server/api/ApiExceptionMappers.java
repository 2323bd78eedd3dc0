package io.conserver.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.conserver.app.config.InvalidConfigException;
import io.conserver.domain.error.ConserverException;
import io.conserver.domain.vcon.InvalidVconException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.UUID;
import org.glassfish.jersey.server.ParamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps every failure to an {@link ApiError}. These replace Dropwizard's default mappers so that
 * every answer, including Jersey's own 404/405/415, has the same shape and nothing internal leaks.
 */
public final class ApiExceptionMappers {
    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionMappers.class);

    private ApiExceptionMappers() {
    }

    static Response answer(ApiError error) {
        return Response.status(error.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
    }

    /** Conserver failures: the category decides the status; vCon and config problems are listed. */
    public static final class ConserverFailure implements ExceptionMapper<ConserverException> {
        @Override
        public Response toResponse(ConserverException e) {
            int status = e.category().httpStatus();
            String word = e.category().name().toLowerCase(java.util.Locale.ROOT);
            if (e instanceof InvalidVconException invalid) {
                List<ApiError.Item> items = invalid.problems().stream()
                        .map(ApiError.Item::of)
                        .toList();
                return answer(new ApiError(status, word, "the vCon is invalid: " + invalid.errors().size() + " error(s)", items));
            }
            if (e instanceof InvalidConfigException invalid) {
                List<ApiError.Item> items = invalid.problems().stream()
                        .map(p -> new ApiError.Item(p.path(), "error", p.message())).toList();
                return answer(new ApiError(status, word, "the configuration is invalid and was not applied", items));
            }
            if (status >= 500) {
                LOG.warn("request failed: {}", e.getMessage());
            }
            return answer(ApiError.of(status, word, e.getMessage()));
        }
    }

    /** Malformed JSON or JSON of the wrong shape: 400 naming where. */
    public static final class MalformedJson implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            String path = e instanceof JsonMappingException mapping ? fieldPath(mapping) : "$";
            String message = e.getOriginalMessage();
            return answer(new ApiError(400, "invalid_input", "the request body is not valid JSON for this endpoint",
                    List.of(new ApiError.Item(path, "error", message == null ? "malformed JSON" : firstLine(message)))));
        }

        private static String fieldPath(JsonMappingException e) {
            StringBuilder path = new StringBuilder("$");
            for (JsonMappingException.Reference ref : e.getPath()) {
                path.append(ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]");
            }
            return path.toString();
        }
    }

    /** A query, path or header parameter Jersey could not convert: 400 naming the parameter. */
    public static final class BadParameter implements ExceptionMapper<ParamException> {
        @Override
        public Response toResponse(ParamException e) {
            return answer(ApiError.of(400, "invalid_input", "parameter '" + e.getParameterName() + "' is malformed"));
        }
    }

    /** Jersey's own answers (unknown route 404, 405, 406, 415, and our WebApplicationExceptions). */
    public static final class WebFailure implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (e.getResponse().hasEntity() && e.getResponse().getEntity() instanceof ApiError) {
                return e.getResponse();
            }
            String message = status == 404 ? "no such resource" : e.getMessage();
            String word = status == 404 ? "not_found"
                    : Response.Status.Family.familyOf(status) == Response.Status.Family.CLIENT_ERROR ? "invalid_request" : "internal";
            return answer(ApiError.of(status, word, message));
        }
    }

    /** Anything else is a bug: log it with an id and tell the caller only the id. */
    public static final class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            String id = UUID.randomUUID().toString();
            LOG.error("unexpected failure {}", id, e);
            return answer(ApiError.of(500, "internal", "internal error " + id + "; the server log has the details"));
        }
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
