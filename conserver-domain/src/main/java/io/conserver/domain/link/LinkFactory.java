package io.conserver.domain.link;

/**
 * Builds a configured {@link Link} from its validated options record. One factory per link type,
 * registered explicitly under its type name ({@code "tag"}, {@code "jq"}).
 *
 * @param <O> the options record, bound from the configuration entry's {@code options} and validated
 */
public interface LinkFactory<O> {

    /** The type name used in configuration, lower_snake. */
    String type();

    /** The options record class, a record with Bean Validation annotations. */
    Class<O> optionsType();

    /** A link named {@code name} with these (already validated) options. */
    Link create(String name, O options);
}
