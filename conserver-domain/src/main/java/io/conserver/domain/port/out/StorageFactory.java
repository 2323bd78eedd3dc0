package io.conserver.domain.port.out;

/**
 * Builds a configured {@link Storage} from its validated options record. One factory per storage
 * type, registered explicitly under its type name ({@code "file"}, {@code "s3"}).
 *
 * @param <O> the options record, bound from the configuration entry's {@code options} and validated
 */
public interface StorageFactory<O> {

    /** The type name used in configuration, lower_snake. */
    String type();

    /** The options record class, a record with Bean Validation annotations. */
    Class<O> optionsType();

    /** A storage named {@code name} with these (already validated) options. */
    Storage create(String name, O options);
}
