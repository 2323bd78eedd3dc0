package io.conserver.adapters.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.conserver.app.config.InvalidConfigException;
import io.conserver.app.config.OptionsBinder;
import io.conserver.domain.error.ErrorCategory;
import io.conserver.domain.error.RetriableException;
import io.conserver.domain.port.out.Storage;
import io.conserver.domain.vcon.Content;
import io.conserver.domain.vcon.Dialog;
import io.conserver.domain.vcon.Party;
import io.conserver.domain.vcon.Vcon;
import io.conserver.domain.vcon.VconCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStorageTest {
    private static final OptionsBinder BINDER = new OptionsBinder();
    private static final String UUID = "018f6c8a-7b3d-8000-9dd8-dd37220d739c";

    @TempDir
    Path dir;

    private final FileStorageFactory factory = new FileStorageFactory();

    private Path root() {
        return dir.resolve("vcons");
    }

    private FileStorage.Options bind(String json) {
        try {
            return BINDER.bind("storages.test.options", BINDER.mapper().readTree(json.replace('\'', '"')),
                    FileStorage.Options.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private Storage storage(String extraOptions) {
        String sep = extraOptions.isEmpty() ? "" : ", ";
        return factory.create("test", bind("{'path': '" + root() + "'" + sep + extraOptions + "}"));
    }

    private static Vcon vcon(String subject) {
        return Vcon.builder().uuid(UUID).createdAt(OffsetDateTime.parse("2024-11-05T23:30:00-05:00")).subject(subject)
                .parties(List.of(Party.ofTel("+15551230001")))
                .dialog(List.of(Dialog.builder(Dialog.TEXT).parties(0).start(OffsetDateTime.parse("2024-11-05T23:30:00Z"))
                        .mediatype("text/plain").content(Content.text("hello")).build()))
                .build();
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(root())) {
            return walk.filter(Files::isRegularFile).map(p -> root().relativize(p)).sorted().toList();
        }
    }

    @Test
    void savesGetsAndDeletesIdempotently() throws IOException {
        Storage storage = storage("");
        assertThat(storage.get(UUID)).isEmpty();
        assertThat(storage.delete(UUID)).isFalse();

        storage.save(vcon("first"));
        storage.save(vcon("first"));

        assertThat(files()).containsExactly(Path.of(UUID + ".json"));
        assertThat(storage.get(UUID)).contains(vcon("first"));
        assertThat(VconCodec.lenient().parse(Files.readAllBytes(root().resolve(UUID + ".json")))).isEqualTo(vcon("first"));
        assertThat(storage.delete(UUID)).isTrue();
        assertThat(storage.delete(UUID)).isFalse();
        assertThat(storage.get(UUID)).isEmpty();
        assertThat(files()).isEmpty();
    }

    @Test
    void savingTwiceKeepsTheLatest() {
        Storage storage = storage("");
        storage.save(vcon("first"));
        storage.save(vcon("second"));

        assertThat(storage.get(UUID).map(Vcon::subject)).contains("second");
    }

    @Test
    void organizesByTheUtcDayOfCreatedAt() throws IOException {
        Storage storage = storage("'organize_by_date': true");
        storage.save(vcon("dated"));

        assertThat(files()).containsExactly(Path.of(".index", UUID), Path.of("2024", "11", "06", UUID + ".json"));
        assertThat(Files.readString(root().resolve(".index").resolve(UUID))).isEqualTo("2024/11/06/" + UUID + ".json");
        assertThat(storage.get(UUID)).contains(vcon("dated"));
        assertThat(storage.delete(UUID)).isTrue();
        assertThat(files()).isEmpty();
        assertThat(storage.get(UUID)).isEmpty();
    }

    @Test
    void aVconWithoutCreatedAtIsKeptUndated() throws IOException {
        Storage storage = storage("'organize_by_date': true");
        Vcon undated = vcon("undated").toBuilder().createdAt(null).build();
        storage.save(undated);

        assertThat(files()).containsExactly(Path.of(UUID + ".json"));
        assertThat(storage.get(UUID)).contains(undated);
    }

    @Test
    void compressesWithGzip() throws IOException {
        Storage storage = storage("'compression': 'gzip'");
        storage.save(vcon("zipped"));

        assertThat(files()).containsExactly(Path.of(UUID + ".json.gz"));
        byte[] bytes = Files.readAllBytes(root().resolve(UUID + ".json.gz"));
        assertThat(bytes[0] & 0xff).isEqualTo(0x1f);
        assertThat(bytes[1] & 0xff).isEqualTo(0x8b);
        assertThat(storage.get(UUID)).contains(vcon("zipped"));
    }

    @Test
    void changingTheLayoutNeverLeavesTwoCopies() throws IOException {
        storage("").save(vcon("flat"));
        Storage dated = storage("'organize_by_date': true, 'compression': 'gzip'");
        dated.save(vcon("dated"));

        assertThat(files()).containsExactly(Path.of(".index", UUID), Path.of("2024", "11", "06", UUID + ".json.gz"));
        assertThat(storage("").get(UUID).map(Vcon::subject)).contains("dated");

        storage("").save(vcon("flat again"));
        assertThat(files()).containsExactly(Path.of(UUID + ".json"));
        assertThat(dated.get(UUID).map(Vcon::subject)).contains("flat again");
    }

    @Test
    void temporaryFilesAreHiddenAndNeverNamedJson() throws IOException {
        String temp = AtomicFiles.tempName(root().resolve(UUID + ".json"));

        assertThat(temp).startsWith(".").doesNotEndWith(".json").doesNotEndWith(".json.gz");
        Storage storage = storage("'organize_by_date': true");
        storage.save(vcon("a"));
        storage.save(vcon("b"));
        assertThat(files()).noneMatch(p -> p.getFileName().toString().endsWith(".tmp"));
    }

    @Test
    void readersNeverSeeAPartialFile() throws Exception {
        Storage storage = storage("");
        Vcon small = vcon("small");
        Vcon big = vcon("x".repeat(200_000));
        storage.save(small);
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            while (!done.get()) {
                try {
                    Optional<Vcon> read = storage.get(UUID);
                    if (read.isEmpty() || !(read.get().equals(small) || read.get().equals(big))) {
                        failure.compareAndSet(null, new AssertionError("read " + read.map(Vcon::subject)));
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }
        });
        reader.start();
        for (int i = 0; i < 100; i++) {
            storage.save(i % 2 == 0 ? big : small);
        }
        done.set(true);
        reader.join();

        assertThat(failure.get()).isNull();
    }

    @Test
    void refusesUuidsThatCouldLeaveTheRoot() throws IOException {
        Storage storage = storage("");
        Files.createDirectories(dir.resolve("secret"));
        Files.writeString(dir.resolve("secret").resolve("x.json"), "{}");

        for (String bad : List.of("../../etc/passwd", "/etc/passwd", "../secret/x", "a/b", UUID + "/..", "",
                UUID.replace('-', '/'), UUID.substring(0, 35) + "\u0000", "..")) {
            assertThatThrownBy(() -> storage.get(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a uuid");
            assertThatThrownBy(() -> storage.delete(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> storage.save(vcon("bad").toBuilder().uuid(bad).build())).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> storage.get(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Files.exists(root())).isFalse();
        assertThat(dir.resolve("secret").resolve("x.json")).exists();
    }

    @Test
    void aTamperedIndexCannotLeadOutsideTheRoot() throws IOException {
        Storage storage = storage("'organize_by_date': true");
        storage.save(vcon("dated"));
        Files.writeString(root().resolve(".index").resolve(UUID), "../../outside.json");

        assertThatThrownBy(() -> storage.get(UUID)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside the storage directory");
    }

    @Test
    void appliesPermissions() throws IOException {
        Storage storage = storage("'organize_by_date': true, 'file_permissions': 'rw-r-----', "
                + "'dir_permissions': 'rwxr-x---'");
        storage.save(vcon("private"));

        assertThat(perms(root().resolve("2024/11/06/" + UUID + ".json"))).isEqualTo("rw-r-----");
        assertThat(perms(root().resolve(".index/" + UUID))).isEqualTo("rw-r-----");
        for (String d : List.of("", "2024", "2024/11", "2024/11/06", ".index")) {
            assertThat(perms(root().resolve(d))).as(d).isEqualTo("rwxr-x---");
        }
        assertThat(perms(dir)).isNotEqualTo("rwxr-x---");
    }

    private static String perms(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void refusesVconsOverTheMaximumSize() throws IOException {
        Storage storage = storage("'max_file_size': 2000");
        storage.save(vcon("fits"));

        assertThatThrownBy(() -> storage.save(vcon("y".repeat(3000))))
                .isInstanceOfSatisfying(VconTooLargeException.class,
                        e -> assertThat(e.category()).isEqualTo(ErrorCategory.TOO_LARGE))
                .hasMessageContaining(UUID).hasMessageContaining("max_file_size of 2000 bytes");
        assertThat(storage.get(UUID).map(Vcon::subject)).contains("fits");
        assertThat(files()).containsExactly(Path.of(UUID + ".json"));
    }

    @Test
    void theLimitAppliesToTheCompressedSize() {
        Storage storage = storage("'max_file_size': 2000, 'compression': 'gzip'");
        storage.save(vcon("y".repeat(3000)));

        assertThat(storage.get(UUID)).isPresent();
    }

    @Test
    void healthCreatesTheRootAndReportsAnUnusableOne() throws IOException {
        storage("").checkHealth();
        assertThat(root()).isDirectory();

        Files.writeString(dir.resolve("file"), "not a directory");
        Storage broken = factory.create("broken", bind("{'path': '" + dir.resolve("file") + "'}"));
        assertThatThrownBy(broken::checkHealth).isInstanceOf(RetriableException.class)
                .hasMessageContaining("file storage broken");
        assertThatThrownBy(() -> broken.save(vcon("x"))).isInstanceOf(RetriableException.class);
    }

    @Test
    void optionsDefaults() {
        assertThat(bind("{'path': '/var/lib/vcons'}"))
                .isEqualTo(new FileStorage.Options("/var/lib/vcons", false, "none", 10L * 1024 * 1024, null, null));
    }

    @Test
    void optionsFullMapping() {
        assertThat(bind("{'path': '/data', 'organize_by_date': true, 'compression': 'gzip', 'max_file_size': 1048576, "
                + "'file_permissions': 'rw-------', 'dir_permissions': 'rwx------'}"))
                .isEqualTo(new FileStorage.Options("/data", true, "gzip", 1_048_576L, "rw-------", "rwx------"));
    }

    @Test
    void invalidOptionsAreReportedWithTheirPath() {
        assertThat(problems("{}")).containsExactly("storages.test.options.path: must not be blank");
        assertThat(problems("{'path': '/d', 'compression': 'zip', 'max_file_size': 0, 'file_permissions': 'rw-r--r-x-', "
                + "'dir_permissions': '755'}")).containsExactly(
                "storages.test.options.compression: must be none or gzip",
                "storages.test.options.dir_permissions: must be POSIX permissions such as rw-r-----",
                "storages.test.options.file_permissions: must be POSIX permissions such as rw-r-----",
                "storages.test.options.max_file_size: must be greater than 0");
        assertThat(problems("{'path': '/d', 'max_file_size': '10MB'}")).singleElement().asString()
                .startsWith("storages.test.options.max_file_size: ");
    }

    private List<String> problems(String json) {
        try {
            bind(json);
        } catch (InvalidConfigException e) {
            return e.problems().stream().map(Object::toString).toList();
        }
        throw new AssertionError("expected " + json + " to be invalid");
    }

    @Test
    void theDocumentedExampleBinds() throws IOException {
        String page = Files.readString(Path.of("..", "docs", "storages", "file.md"));
        String yaml = page.substring(page.indexOf("```yaml\n") + 8, page.indexOf("```", page.indexOf("```yaml\n") + 8));
        JsonNode options = new ObjectMapper(new YAMLFactory()).readTree(yaml).path("storages").path("archive")
                .path("options");

        FileStorage.Options bound = BINDER.bind("storages.archive.options", options, FileStorage.Options.class);
        assertThat(bound).isEqualTo(new FileStorage.Options("/var/lib/conserver/vcons", true, "gzip", 52_428_800L,
                "rw-r-----", "rwxr-x---"));
    }

    @Test
    void factoryNamesItsType() {
        assertThat(factory.type()).isEqualTo("file");
        assertThat(factory.optionsType()).isEqualTo(FileStorage.Options.class);
    }
}
