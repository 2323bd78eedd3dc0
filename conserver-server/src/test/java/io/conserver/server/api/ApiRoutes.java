package io.conserver.server.api;

import io.conserver.server.ConserverApplication;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every route the server answers, read by reflection from the registered resource classes
 * ({@link ConserverApplication#RESOURCES}): the HTTP method and the full path under {@code /api}.
 * The OpenAPI document and docs/api.md are checked against this set.
 */
final class ApiRoutes {
    static final String ROOT = "/api";

    private ApiRoutes() {
    }

    /** One route, written {@code GET /api/vcon/{uuid}}. */
    record Route(String method, String path) implements Comparable<Route> {
        @Override
        public String toString() {
            return method + " " + path;
        }

        @Override
        public int compareTo(Route other) {
            return toString().compareTo(other.toString());
        }
    }

    static Set<Route> all() {
        Set<Route> routes = new TreeSet<>();
        for (Class<?> resource : ConserverApplication.RESOURCES) {
            Path classPath = resource.getAnnotation(Path.class);
            if (classPath == null) {
                throw new AssertionError(resource.getName() + " is registered as a resource but has no @Path");
            }
            for (Method method : resource.getMethods()) {
                String verb = httpMethod(method);
                Path methodPath = method.getAnnotation(Path.class);
                if (verb == null) {
                    if (methodPath != null) {
                        throw new AssertionError(resource.getSimpleName() + "." + method.getName()
                                + " is a sub-resource locator; teach ApiRoutes to follow it");
                    }
                    continue;
                }
                routes.add(new Route(verb, join(classPath.value(), methodPath == null ? "" : methodPath.value())));
            }
        }
        return routes;
    }

    /** {@code /api} + class path + method path, single slashes, no trailing slash, {@code {name: regex}} as {@code {name}}. */
    static String join(String classPath, String methodPath) {
        String path = (ROOT + "/" + classPath + "/" + methodPath).replaceAll("/+", "/");
        path = path.replaceAll("\\{\\s*([A-Za-z0-9_.-]+)\\s*:[^}]*}", "{$1}");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }
}
