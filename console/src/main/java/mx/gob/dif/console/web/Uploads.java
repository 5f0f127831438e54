package mx.gob.dif.console.web;

import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** Files people upload through a page's form, read whole: they are sent on to the API as they are. */
public final class Uploads {
    private Uploads() {
    }

    /** Whether the form carried a file with something in it. */
    public static boolean present(FileUpload file) {
        return file != null && file.size() > 0;
    }

    public static byte[] bytes(FileUpload file) {
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
