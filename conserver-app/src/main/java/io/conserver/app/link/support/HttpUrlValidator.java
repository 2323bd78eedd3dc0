package io.conserver.app.link.support;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/** Checks {@link HttpUrl} on a URI or on a list of URIs. */
public final class HttpUrlValidator {
    private HttpUrlValidator() {
    }

    /** True for an absolute http(s) URL with a host. */
    public static boolean isHttpUrl(URI uri) {
        if (uri == null || !uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null) {
            return false;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https");
    }

    /** The validator for a single URI. */
    public static final class ForUri implements ConstraintValidator<HttpUrl, URI> {
        @Override
        public boolean isValid(URI value, ConstraintValidatorContext context) {
            return value == null || isHttpUrl(value);
        }
    }

    /** The validator for a list of URIs, naming the first bad entry by index. */
    public static final class ForList implements ConstraintValidator<HttpUrl, List<URI>> {
        @Override
        public boolean isValid(List<URI> value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            for (int i = 0; i < value.size(); i++) {
                if (!isHttpUrl(value.get(i))) {
                    context.disableDefaultConstraintViolation();
                    context.buildConstraintViolationWithTemplate("entry " + i + " must be an absolute http or https URL")
                            .addConstraintViolation();
                    return false;
                }
            }
            return true;
        }
    }
}
