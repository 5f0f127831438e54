package mx.gob.dif.deploy.infra;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Starting detached processes, recording their pids, and stopping them again. */
public final class Processes {
    private Processes() {
    }

    /**
     * Starts a process in its own session (so it outlives the launcher and ignores the terminal's
     * hang-up), appending its output to {@code log}, and writes its pid next to it.
     */
    public static long startDetached(List<String> command, Path workDir, Map<String, String> env, Path log, Path pidFile)
            throws IOException {
        Files.createDirectories(log.getParent());
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            cmd.add("/usr/bin/setsid");
        }
        cmd.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(env);
        Process p = pb.start();
        long pid = p.pid();
        if (pidFile != null) {
            Files.createDirectories(pidFile.getParent());
            Files.writeString(pidFile, Long.toString(pid));
        }
        return pid;
    }

    /** Runs a command to completion; throws with its output when it fails. */
    public static String run(List<String> command, Path workDir, Duration timeout) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (workDir != null) {
            pb.directory(workDir.toFile());
        }
        Process p = pb.start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + String.join(" ", command));
            }
            String text = new String(out);
            if (p.exitValue() != 0) {
                throw new IOException("failed (" + p.exitValue() + "): " + String.join(" ", command) + "\n" + text);
            }
            return text;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    public static Optional<Long> readPid(Path pidFile) {
        try {
            return Files.exists(pidFile) ? Optional.of(Long.parseLong(Files.readString(pidFile).strip().lines().findFirst().orElse("").trim())) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** SIGTERM, then SIGKILL after the grace period. */
    public static void stop(long pid, Duration grace) {
        ProcessHandle.of(pid).ifPresent(h -> {
            h.descendants().forEach(ProcessHandle::destroy);
            h.destroy();
            waitUntil(() -> !h.isAlive(), grace);
            if (h.isAlive()) {
                h.descendants().forEach(ProcessHandle::destroyForcibly);
                h.destroyForcibly();
                waitUntil(() -> !h.isAlive(), Duration.ofSeconds(5));
            }
        });
    }

    public static void kill9(long pid) {
        ProcessHandle.of(pid).ifPresent(h -> {
            h.destroyForcibly();
            waitUntil(() -> !h.isAlive(), Duration.ofSeconds(10));
        });
    }

    public static boolean isPortFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static boolean isListening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A free port below Linux's ephemeral range (32768+), so that no outgoing connection of an
     * already running process takes it between now and the moment our server binds it.
     */
    public static int freePort() {
        java.util.concurrent.ThreadLocalRandom rnd = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 200; i++) {
            int port = 20000 + rnd.nextInt(12000);
            if (isPortFree(port) && !isListening(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port found between 20000 and 32000");
    }

    public static boolean waitUntil(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    public static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    /** The short commit of the checkout at {@code dir}, or null outside a git checkout. */
    public static String gitCommit(Path dir) {
        try {
            return run(List.of("git", "rev-parse", "--short", "HEAD"), dir, Duration.ofSeconds(10)).strip().lines()
                    .reduce((first, last) -> last).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
