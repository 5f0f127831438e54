package mx.gob.dif.deploy.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * PostgreSQL refuses to run as root, so when the launcher or a test runs as root, PostgreSQL's
 * commands run as {@code nobody}, who must then reach its binaries and data. A checkout under
 * {@code /root} (mode 0700) or in a {@code mktemp -d} folder is out of its reach; for those, the
 * files move to a folder of their own under {@link #RELOCATION_BASE}: owned by root and traversable
 * by everyone like any {@code /var/lib} service folder, kept across reboots (unlike {@code /tmp}),
 * and not world-writable (unlike {@code /tmp} and {@code /var/tmp}), so no other user can plant
 * files where root will look for them.
 */
final class ServiceUser {
    static final int NOBODY = 65534;
    static final Path RELOCATION_BASE = Path.of("/var/lib/dif");

    private ServiceUser() {
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The prefix that runs a command as nobody when we are root; empty otherwise. */
    static List<String> commandPrefix() {
        return isRoot()
                ? List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--")
                : List.of();
    }

    /** True when PostgreSQL's files under {@code dir} would be out of the reach of the user it runs as. */
    static boolean mustRelocate(Path dir) {
        if (!isRoot()) {
            return false;
        }
        // asked of the kernel as nobody: covers every parent's mode, ACLs and mount options at once
        List<String> probe = new java.util.ArrayList<>(commandPrefix());
        probe.addAll(List.of("test", "-x", dir.toString()));
        try {
            Processes.run(probe, Path.of("/"), Duration.ofSeconds(10));
            return false;
        } catch (IOException unreachable) {
            return true;
        }
    }

    /**
     * The folder under {@link #RELOCATION_BASE} for {@code key}: a stable name, so the same
     * checkout (or the same binaries) finds the same folder on every start.
     */
    static Path relocated(String kind, String key) throws IOException {
        if (!Files.isDirectory(RELOCATION_BASE)) {
            Files.createDirectories(RELOCATION_BASE);
            // explicit, whatever root's umask: nobody must traverse it
            Files.setPosixFilePermissions(RELOCATION_BASE, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return RELOCATION_BASE.resolve(kind + "-" + sha256(key.getBytes(StandardCharsets.UTF_8)).substring(0, 16));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
