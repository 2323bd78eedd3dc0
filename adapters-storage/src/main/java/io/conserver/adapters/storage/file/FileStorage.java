package io.conserver.adapters.storage.file;

import io.conserver.domain.error.RetriableException;
import io.conserver.domain.port.out.Storage;
import io.conserver.domain.vcon.Vcon;
import io.conserver.domain.vcon.VconCodec;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps each vCon as one JSON file, {@code <path>/<uuid>.json}, or {@code <path>/YYYY/MM/DD/<uuid>.json}
 * by its {@code created_at} in UTC, optionally gzipped ({@code .json.gz}). Files are replaced
 * atomically, so a reader sees the old copy or the new one, never a part.
 *
 * <p>A dated file cannot be found from the uuid alone, so each dated save also writes a pointer,
 * {@code <path>/.index/<uuid>} (see {@link FileLayout}). A save removes any other copy, so a change
 * of {@code organize_by_date} or {@code compression} never leaves two versions behind. Saves and
 * deletes of one uuid are serialised within the process.
 */
public final class FileStorage implements Storage {
    private static final VconCodec CODEC = VconCodec.lenient();
    private static final int STRIPES = 64;

    private final String name;
    private final Options options;
    private final AtomicFiles writer;
    private final FileLayout layout;
    private final Object[] locks = new Object[STRIPES];

    /**
     * The options of a file storage.
     *
     * @param path            the root directory, created when missing
     * @param organizeByDate  file vCons under {@code YYYY/MM/DD/} by {@code created_at} (UTC)
     * @param compression     {@code none} or {@code gzip}
     * @param maxFileSize     the largest file written, in bytes (after compression); bigger vCons are refused
     * @param filePermissions POSIX permissions of the files, e.g. {@code rw-r-----}; the umask decides when absent
     * @param dirPermissions  POSIX permissions of the directories the storage creates, e.g. {@code rwxr-x---}
     */
    public record Options(@NotBlank String path, Boolean organizeByDate,
                          @Pattern(regexp = "none|gzip", message = "must be none or gzip") String compression,
                          @Positive Long maxFileSize,
                          @Pattern(regexp = PERMISSIONS, message = PERMISSIONS_MESSAGE) String filePermissions,
                          @Pattern(regexp = PERMISSIONS, message = PERMISSIONS_MESSAGE) String dirPermissions) {
        public static final long DEFAULT_MAX_FILE_SIZE = 10L * 1024 * 1024;
        static final String PERMISSIONS = "([r-][w-][x-]){3}";
        static final String PERMISSIONS_MESSAGE = "must be POSIX permissions such as rw-r-----";

        public Options {
            organizeByDate = organizeByDate != null && organizeByDate;
            compression = compression == null ? "none" : compression;
            maxFileSize = maxFileSize == null ? DEFAULT_MAX_FILE_SIZE : maxFileSize;
        }

        public boolean gzip() {
            return compression.equals("gzip");
        }
    }

    /**
     * @throws IllegalArgumentException when permissions are set but the file system has no POSIX permissions
     */
    public FileStorage(String name, Options options) {
        this.name = name;
        this.options = options;
        Path root = Path.of(options.path()).toAbsolutePath().normalize();
        Set<PosixFilePermission> filePerms = permissions(root, options.filePermissions());
        Set<PosixFilePermission> dirPerms = permissions(root, options.dirPermissions());
        this.writer = new AtomicFiles(root, filePerms, dirPerms);
        this.layout = new FileLayout(writer, options.organizeByDate(), options.gzip());
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    public Options options() {
        return options;
    }

    @Override
    public void save(Vcon vcon) {
        String uuid = FileLayout.checkUuid(vcon.uuid());
        byte[] bytes = options.gzip() ? CODEC.writeGzip(vcon) : CODEC.write(vcon);
        if (bytes.length > options.maxFileSize()) {
            throw new VconTooLargeException("vCon " + uuid + " is " + bytes.length + " bytes as written, over the "
                    + "max_file_size of " + options.maxFileSize() + " bytes of file storage " + name
                    + "; raise max_file_size or slim the vCon (diet link) before it reaches this storage");
        }
        Path target = layout.fileFor(vcon);
        synchronized (lockFor(uuid)) {
            try {
                List<Path> previous = layout.copies(uuid);
                writer.write(target, bytes);
                Path index = layout.indexFor(uuid);
                if (layout.isDated(target)) {
                    writer.write(index, layout.pointerTo(target));
                } else {
                    Files.deleteIfExists(index);
                }
                for (Path old : previous) {
                    if (!old.equals(target)) {
                        Files.deleteIfExists(old);
                    }
                }
            } catch (IOException e) {
                throw new RetriableException("file storage " + name + " could not write vCon " + uuid + " to "
                        + target + ": " + e, e);
            }
        }
    }

    @Override
    public Optional<Vcon> get(String uuid) {
        FileLayout.checkUuid(uuid);
        try {
            for (Path file : layout.copies(uuid)) {
                try {
                    return Optional.of(CODEC.parse(Files.readAllBytes(file)));
                } catch (NoSuchFileException e) {
                    // replaced or deleted since it was found; try the next candidate
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new RetriableException("file storage " + name + " could not read vCon " + uuid + ": " + e, e);
        }
    }

    @Override
    public boolean delete(String uuid) {
        FileLayout.checkUuid(uuid);
        synchronized (lockFor(uuid)) {
            try {
                boolean deleted = false;
                for (Path file : layout.copies(uuid)) {
                    deleted |= Files.deleteIfExists(file);
                }
                Files.deleteIfExists(layout.indexFor(uuid));
                return deleted;
            } catch (IOException e) {
                throw new RetriableException("file storage " + name + " could not delete vCon " + uuid + ": " + e, e);
            }
        }
    }

    @Override
    public void checkHealth() {
        try {
            writer.createDirectories(writer.root());
        } catch (IOException e) {
            throw new RetriableException("file storage " + name + " cannot use " + writer.root() + ": " + e, e);
        }
        if (!Files.isWritable(writer.root())) {
            throw new RetriableException("file storage " + name + " cannot write to " + writer.root());
        }
    }

    private Object lockFor(String uuid) {
        return locks[Math.floorMod(uuid.hashCode(), STRIPES)];
    }

    private static Set<PosixFilePermission> permissions(Path root, String spec) {
        if (spec == null) {
            return null;
        }
        if (!root.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            throw new IllegalArgumentException("permissions are set, but the file system of " + root
                    + " has no POSIX permissions; remove file_permissions and dir_permissions");
        }
        return PosixFilePermissions.fromString(spec);
    }
}
