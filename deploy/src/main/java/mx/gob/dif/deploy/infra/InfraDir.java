package mx.gob.dif.deploy.infra;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the server distributions were unpacked by the deploy module's build. */
public final class InfraDir {
    private InfraDir() {
    }

    public static Path locate() {
        String prop = System.getProperty("dif.infra.dir", System.getenv("DIF_INFRA_DIR"));
        Path dir = prop != null ? Path.of(prop) : Path.of("deploy/target/infra");
        if (!Files.isDirectory(dir.resolve("kafka/libs"))) {
            throw new IllegalStateException("No se encontraron los binarios de infraestructura en " + dir.toAbsolutePath()
                    + ". Ejecute primero: ./mvnw -pl deploy package -DskipTests");
        }
        return dir.toAbsolutePath();
    }
}
