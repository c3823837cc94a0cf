package org.neuralnotes.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Replaces a file's contents in one atomic step: the bytes go to a temporary file in the same
 * folder, are forced to the disk, and the temporary file is renamed onto the target. A reader
 * (or a hard link to the old file) sees the old bytes or the new ones, never a part; if writing
 * fails, the temporary file is deleted and the target is left as it was.
 */
final class AtomicFile {
    /** How the bytes are written into the open temporary file. */
    interface Writing {
        void write(FileChannel channel, byte[] bytes) throws IOException;
    }

    /** Every byte, in as many writes as the channel needs. */
    static final Writing WHOLE = (channel, bytes) -> {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    };

    private AtomicFile() {}

    static void write(Path target, byte[] bytes, Writing writing) throws IOException {
        if (Files.isDirectory(target)) {
            throw new IllegalArgumentException("path: " + target + " is a directory; expected a file path");
        }
        Path folder = target.toAbsolutePath().getParent();
        Path temp;
        try {
            temp = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
        } catch (IOException e) {
            throw new IOException("path: cannot write a file in " + folder + " (to save " + target + "): " + e, e);
        }
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                writing.write(channel, bytes);
                channel.force(true);
            }
            keepPermissions(target, temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } catch (IOException e) {
            throw new IOException("path: saving " + target + " failed, the file is left as it was: " + e, e);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** The new file gets the old one's permissions, or rw-r--r-- (a temporary file starts rw-------). */
    private static void keepPermissions(Path target, Path temp) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.exists(target)
                    ? Files.getPosixFilePermissions(target) : PosixFilePermissions.fromString("rw-r--r--");
            Files.setPosixFilePermissions(temp, permissions);
        } catch (UnsupportedOperationException notPosix) {
            // the file system has no POSIX permissions: the temporary file's own are kept
        }
    }
}
