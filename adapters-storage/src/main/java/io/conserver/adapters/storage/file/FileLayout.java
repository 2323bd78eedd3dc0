package io.conserver.adapters.storage.file;

import io.conserver.domain.vcon.Vcon;
import io.conserver.domain.vcon.VconUuid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a vCon's file goes: {@code <root>/[YYYY/MM/DD/]<uuid>.json[.gz]}, and for dated files a
 * pointer {@code <root>/.index/<uuid>} holding the file's path relative to the root, since the date
 * cannot be known from the uuid alone.
 */
final class FileLayout {
    static final String INDEX_DIR = ".index";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private final AtomicFiles files;
    private final boolean organizeByDate;
    private final boolean gzip;

    FileLayout(AtomicFiles files, boolean organizeByDate, boolean gzip) {
        this.files = files;
        this.organizeByDate = organizeByDate;
        this.gzip = gzip;
    }

    /**
     * A uuid is the only part of a file name that comes from outside: it must be a plain uuid.
     *
     * @throws IllegalArgumentException otherwise
     */
    static String checkUuid(String uuid) {
        if (!VconUuid.isValid(uuid)) {
            throw new IllegalArgumentException("'" + uuid + "' is not a uuid (36 characters, hex digits and dashes); "
                    + "the file storage only accepts uuids as file names");
        }
        return uuid;
    }

    /** The file {@code vcon} is written to; undated when it has no {@code created_at}. */
    Path fileFor(Vcon vcon) {
        String file = checkUuid(vcon.uuid()) + (gzip ? ".json.gz" : ".json");
        if (!organizeByDate || vcon.createdAt() == null) {
            return files.inRoot(file);
        }
        return files.inRoot(DAY.format(vcon.createdAt().withOffsetSameInstant(ZoneOffset.UTC)) + "/" + file);
    }

    boolean isDated(Path file) {
        return !file.getParent().equals(files.root());
    }

    Path indexFor(String uuid) {
        return files.inRoot(INDEX_DIR + "/" + checkUuid(uuid));
    }

    /** The pointer's content for a dated file. */
    byte[] pointerTo(Path file) {
        return files.root().relativize(file).toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The existing files holding {@code uuid}: the one its pointer names, then the undated names, so
     * that a change of {@code organize_by_date} or {@code compression} never hides a copy.
     *
     * @throws IllegalArgumentException when a tampered pointer leads outside the root
     */
    List<Path> copies(String uuid) throws IOException {
        Set<Path> candidates = new LinkedHashSet<>();
        Path index = indexFor(uuid);
        if (Files.isRegularFile(index)) {
            try {
                candidates.add(files.inRoot(Files.readString(index, StandardCharsets.UTF_8).trim()));
            } catch (NoSuchFileException e) {
                // deleted since it was seen
            }
        }
        candidates.add(files.inRoot(uuid + ".json.gz"));
        candidates.add(files.inRoot(uuid + ".json"));
        List<Path> existing = new ArrayList<>();
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                existing.add(candidate);
            }
        }
        return existing;
    }
}
