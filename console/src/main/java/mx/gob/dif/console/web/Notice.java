package mx.gob.dif.console.web;

import io.quarkus.qute.TemplateData;

/** A message at the top of a page: {@code ok} (done), {@code error} (refused, with the reason) or {@code info}. */
@TemplateData
public record Notice(String kind, String text) {
    public static Notice ok(String text) {
        return new Notice("ok", text);
    }

    public static Notice error(String text) {
        return new Notice("error", text);
    }

    public static Notice info(String text) {
        return new Notice("info", text);
    }
}
