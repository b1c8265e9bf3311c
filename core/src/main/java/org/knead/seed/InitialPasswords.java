package org.knead.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where the passwords generated on the first start go: never into a log. With
 * {@code knead.core.initial-password-file} set (the {@code knead} script sets it), into that file,
 * readable by its owner only (0600), one {@code user: password} line each; a line goes when that
 * user changes the password, and the file when the last line goes. Without it, onto the
 * process's standard output only (never through the logging system): a container's console.
 */
@Component
public class InitialPasswords {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Optional<Path> file;

    public InitialPasswords(@Value("${knead.core.initial-password-file:}") String file) {
        this.file = file == null || file.isBlank() ? Optional.empty() : Optional.of(Path.of(file.strip()));
    }

    public Optional<Path> file() {
        return file;
    }

    /** Keeps a generated password; answers what may be shown in a log (never the password itself). */
    public synchronized String keep(String username, String password) {
        if (file.isEmpty()) {
            System.out.println(banner("The user '" + username + "' was created with the password " + password,
                    "It is shown only this once (not in any log file); the first login must change it."));
            System.out.flush();
            return "the password of '" + username + "' was printed once on the console (standard output)";
        }
        Path path = file.get();
        try {
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            createOwnerOnly(path);
            Files.writeString(path, username + ": " + password + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the first password to " + path, e);
        }
        return "the password of '" + username + "' is in " + path.toAbsolutePath()
                + " (readable only by its owner; the first login must change it)";
    }

    /** The user changed the password: their line goes, and the file with the last line. */
    public synchronized void forget(String username) {
        if (file.isEmpty() || !Files.exists(file.get())) {
            return;
        }
        try {
            List<String> left = Files.readAllLines(file.get(), StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.startsWith(username + ": ")).toList();
            if (left.isEmpty()) {
                Files.deleteIfExists(file.get());
            } else {
                Files.write(file.get(), left, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void createOwnerOnly(Path path) throws IOException {
        try {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException exists) {
            Files.setPosixFilePermissions(path, OWNER_ONLY);
        } catch (UnsupportedOperationException notPosix) {
            if (!Files.exists(path)) {
                Files.createFile(path);
            }
        }
    }

    private static String banner(String... lines) {
        StringBuilder sb = new StringBuilder("\n");
        sb.append("=".repeat(78)).append('\n');
        for (String line : lines) {
            sb.append("  ").append(line).append('\n');
        }
        sb.append("=".repeat(78));
        return sb.toString();
    }
}
