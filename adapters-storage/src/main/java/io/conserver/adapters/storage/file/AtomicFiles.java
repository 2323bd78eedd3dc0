package io.conserver.adapters.storage.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.UUID;

/**
 * Writes files under a root directory so that readers never see a partial file: the bytes go to a
 * hidden temporary file in the same directory, are forced to disk, and the file is then renamed over
 * the target in one atomic step. Every path is checked to stay inside the root.
 */
final class AtomicFiles {
    private final Path root;
    private final Set<PosixFilePermission> filePermissions;
    private final Set<PosixFilePermission> dirPermissions;

    /** Permissions may be null, leaving them to the umask. */
    AtomicFiles(Path root, Set<PosixFilePermission> filePermissions, Set<PosixFilePermission> dirPermissions) {
        this.root = root;
        this.filePermissions = filePermissions;
        this.dirPermissions = dirPermissions;
    }

    Path root() {
        return root;
    }

    /**
     * {@code relative} resolved under the root.
     *
     * @throws IllegalArgumentException when the result would lie outside the root
     */
    Path inRoot(String relative) {
        Path resolved = root.resolve(relative).normalize();
        if (!resolved.startsWith(root) || resolved.equals(root)) {
            throw new IllegalArgumentException("'" + relative + "' leads outside the storage directory " + root);
        }
        return resolved;
    }

    /** The name of the temporary file for {@code target}: hidden, unique, and never ending in .json. */
    static String tempName(Path target) {
        return "." + target.getFileName() + "." + UUID.randomUUID() + ".tmp";
    }

    void write(Path target, byte[] bytes) throws IOException {
        Path dir = target.getParent();
        createDirectories(dir);
        Path temp = dir.resolve(tempName(target));
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (filePermissions != null) {
                Files.setPosixFilePermissions(temp, filePermissions);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        syncDirectory(dir);
    }

    /** Creates {@code dir} and its missing parents, giving each one the directory permissions. */
    void createDirectories(Path dir) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = dir; p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.push(p);
        }
        while (!missing.isEmpty()) {
            Path next = missing.pop();
            try {
                Files.createDirectory(next);
                if (dirPermissions != null && next.startsWith(root)) {
                    Files.setPosixFilePermissions(next, dirPermissions);
                }
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(next)) {
                    throw e;
                }
            }
        }
    }

    /** Makes the rename itself durable; some file systems cannot open a directory, and then it is skipped. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // best effort: the file's own bytes are already on disk
        }
    }
}
