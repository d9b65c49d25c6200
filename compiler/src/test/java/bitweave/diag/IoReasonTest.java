package bitweave.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnmappableCharacterException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of I/O failure becomes plain words: no class name, no bare path, no "Input length = 1". */
class IoReasonTest {
    @TempDir
    Path tmp;

    @Test
    void eachExceptionTypeHasItsWords() {
        assertEquals("no such file or directory", IoReason.of(new NoSuchFileException("x.txt")));
        assertEquals("permission denied", IoReason.of(new AccessDeniedException("x.txt")));
        assertEquals("a file or directory of that name already exists", IoReason.of(new FileAlreadyExistsException("x")));
        assertEquals("not a directory", IoReason.of(new NotDirectoryException("x")));
        assertEquals("the directory is not empty", IoReason.of(new DirectoryNotEmptyException("x")));
        assertTrue(IoReason.of(new FileSystemLoopException("x")).contains("loops"));
        assertEquals("not valid UTF-8 text", IoReason.of(new MalformedInputException(1)));
        assertEquals("not valid UTF-8 text", IoReason.of(new UnmappableCharacterException(1)));
        assertEquals("the file ends unexpectedly", IoReason.of(new EOFException()));
        assertEquals("no space left on device",
                IoReason.of(new FileSystemException("out/a.v", null, "No space left on device")));
        assertEquals("read-only file system", IoReason.of(new FileSystemException("out", null, "Read-only file system")));
        assertEquals("no space left on device", IoReason.of(new IOException("No space left on device")));
        assertEquals("input/output error", IoReason.of(new IOException()));
        assertEquals("no such file or directory",
                IoReason.of(new IOException("Cannot run program \"/c/sim\": error=2, No such file or directory")));
        assertEquals("permission denied", IoReason.of(new UncheckedIOException(new AccessDeniedException("x"))));
    }

    @Test
    void theFileIsNamedOnlyWhenItIsNotTheSubject() {
        assertEquals("no such file or directory", IoReason.of(new NoSuchFileException("out"), Path.of("out")));
        assertEquals("no such file or directory", IoReason.of(new NoSuchFileException(
                Path.of("out").toAbsolutePath().toString()), Path.of("out")));
        assertEquals("no such file or directory (at out/.staging)",
                IoReason.of(new NoSuchFileException("out/.staging"), Path.of("out")));
        assertTrue(IoReason.of(new FileSystemException("a", "b", "Invalid cross-device link")).contains("a -> b"));
    }

    @Test
    void realFailuresOfTheFileSystem() throws IOException {
        Path file = Files.writeString(tmp.resolve("plain.txt"), "x");
        IOException underFile = assertThrows(IOException.class, () -> Files.createDirectories(file.resolve("sub")));
        assertEquals("not a directory", IoReason.of(underFile, file.resolve("sub")));
        IOException directory = assertThrows(IOException.class, () -> Files.readAllBytes(tmp));
        assertEquals("is a directory", IoReason.of(directory, tmp));
        IOException missing = assertThrows(IOException.class, () -> Files.readAllBytes(tmp.resolve("none")));
        assertEquals("no such file or directory", IoReason.of(missing, tmp.resolve("none")));
        Path latin1 = Files.write(tmp.resolve("latin1.txt"), new byte[] {'a', (byte) 0xe9, '\n'});
        IOException notUtf8 = assertThrows(IOException.class, () -> Files.readString(latin1, StandardCharsets.UTF_8));
        assertEquals("not valid UTF-8 text", IoReason.of(notUtf8, latin1));
    }

    @Test
    void noReasonCarriesAJavaClassName() {
        for (Throwable t : new Throwable[] {new NoSuchFileException("/p"), new FileSystemException("/p"),
                new MalformedInputException(3), new IOException("x"), new IOException()}) {
            String reason = IoReason.of(t, Path.of("/p"));
            assertFalse(reason.contains("Exception") || reason.contains("Input length") || reason.contains("/p"),
                    t + " -> " + reason);
        }
    }
}
