package io.conserver.app.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Turns the {@code options} node of a configuration entry into its plugin's options record and
 * validates it, reporting every problem with its full path ({@code links.tagger.options.tags: must
 * not be empty}). Option names are lower_snake in configuration and camelCase in the records;
 * unknown options are errors, so a typo never silently falls back to a default.
 */
public final class OptionsBinder {
    private final ObjectMapper mapper;
    private final Validator validator;

    public OptionsBinder() {
        this.mapper = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .addModule(new Jdk8Module())
                .addModule(new SimpleModule("conserver-durations").addDeserializer(Duration.class, new DurationReader()))
                .build();
        ValidatorFactory factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
        this.validator = factory.getValidator();
    }

    /** The mapper used for options, also useful to read other configuration documents the same way. */
    public ObjectMapper mapper() {
        return mapper;
    }

    /**
     * Binds and validates. A missing or null {@code options} node binds as an empty object, so an
     * options record whose fields all have defaults needs no {@code options} at all.
     *
     * @param path the path of the options node, used as the prefix of every problem
     */
    public <O> O bind(String path, JsonNode options, Class<O> type) {
        O bound = map(path, options, type);
        validate(path, bound);
        return bound;
    }

    /** Binds without validating, for callers that collect validation problems with others of their own. */
    public <O> O map(String path, JsonNode options, Class<O> type) {
        JsonNode node = options == null || options instanceof NullNode ? mapper.createObjectNode() : options;
        try {
            return mapper.treeToValue(node, type);
        } catch (JsonMappingException e) {
            throw InvalidConfigException.of(pathOf(path, e), messageOf(e));
        } catch (IOException | IllegalArgumentException e) {
            throw InvalidConfigException.of(path, rootMessage(e));
        }
    }

    /** Validates an already built record, reporting every violation under {@code path}. */
    public <O> void validate(String path, O bound) {
        Set<ConstraintViolation<O>> violations = validator.validate(bound);
        if (!violations.isEmpty()) {
            throw new InvalidConfigException(violations.stream()
                    .map(v -> new ConfigProblem(join(path, pathOf(v.getPropertyPath())), v.getMessage()))
                    .sorted(Comparator.comparing(ConfigProblem::path))
                    .toList());
        }
    }

    /** {@code emitTo[1].<list element>} becomes {@code emit_to[1]}; container element nodes add only their index or key. */
    private static String pathOf(jakarta.validation.Path violationPath) {
        StringBuilder out = new StringBuilder();
        for (jakarta.validation.Path.Node node : violationPath) {
            if (node.getIndex() != null) {
                out.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                out.append('[').append(node.getKey()).append(']');
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                out.append(out.length() == 0 ? "" : ".").append(snake(name));
            }
        }
        return out.toString();
    }

    private static String pathOf(String path, JsonMappingException e) {
        String inner = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return join(path, inner);
    }

    private static String messageOf(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = u.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
            return "unknown option '" + u.getPropertyName() + "'; known options are " + known;
        }
        return rootMessage(e);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root instanceof JsonMappingException m ? m.getOriginalMessage() : root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }

    private static String join(String prefix, String inner) {
        if (inner.isEmpty()) {
            return prefix;
        }
        return prefix.isEmpty() ? inner : prefix + "." + inner;
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** Durations accept "30s" style text as well as plain numbers of seconds. */
    private static final class DurationReader extends JsonDeserializer<Duration> {
        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            if (p.currentToken().isNumeric()) {
                return Duration.ofMillis(Math.round(p.getDoubleValue() * 1000));
            }
            try {
                return Durations.parse(p.getValueAsString(""));
            } catch (IllegalArgumentException e) {
                throw JsonMappingException.from(p, e.getMessage());
            }
        }
    }
}
