package mx.gob.dif.deploy;

import mx.gob.dif.deploy.infra.TokenClient;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

/**
 * What {@code ./dif} does with the demo realm and data: the identities table printed after 'up',
 * {@code ./dif token}, and the demo plan and agency directory loaded through the public API.
 */
final class DemoSession {
    private static final PrintStream OUT = System.out;
    private final Stack stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    DemoSession(Stack stack) {
        this.stack = stack;
    }

    /** Who can log in (the demo realm) and how to get a token: the table printed at the end of 'up'. */
    void printIdentities() {
        DemoRealm realm;
        try {
            realm = DemoRealm.load(stack.realmFile());
        } catch (RuntimeException e) {
            return;
        }
        OUT.println();
        OUT.println("Identidades de demostración (roles y alcance en docs/SECURITY.md):");
        OUT.printf("  %-22s %-20s %-12s %s%n", "USUARIO / CLIENTE", "ROL", "UNIDAD", "CONTRASEÑA / SECRETO");
        for (DemoRealm.Person p : realm.people()) {
            OUT.printf("  %-22s %-20s %-12s %s%n", p.username(), p.role(), p.orgUnit(), p.password());
        }
        for (DemoRealm.AgencySystem a : realm.agencies()) {
            OUT.printf("  %-22s %-20s %-12s %s (client credentials)%n", a.clientId(), a.role(), a.agency(), a.secret());
        }
        OUT.println();
        OUT.println("Un token (dura 15 min) y una llamada:");
        OUT.println("  TOKEN=$(./dif token operador.durango)");
        OUT.println("  curl -H \"Authorization: Bearer $TOKEN\" \"" + stack.gatewayUrl()
                + "/api/v1/indicators/DIF-01-03?orgUnit=10005&period=2021\"");
        OUT.println("  Con curl directo a Keycloak: README.md, sección «Tokens y llamadas a la API».");
    }

    // ---------------------------------------------------------------- token

    /**
     * {@code ./dif token <name> [password|secret]}: prints only the access token on stdout (so that
     * {@code TOKEN=$(./dif token operador.durango)} works); anything else goes to stderr. Demo people get
     * theirs by the password grant on dif-web, demo agency systems by client credentials, both with the
     * passwords of the realm file unless one is given.
     */
    int token(List<String> args) {
        if (args.isEmpty() || args.size() > 2) {
            System.err.println("Uso: ./dif token <usuario|cliente> [contraseña|secreto]   p. ej. TOKEN=$(./dif token operador.durango)");
            return 2;
        }
        String name = args.get(0);
        TokenClient tokens = new TokenClient(stack.oidcUrl());
        try {
            DemoRealm realm = DemoRealm.load(stack.realmFile());
            String token;
            if (args.size() == 2) {
                token = realm.agency(name).isPresent() || name.startsWith("agencia-")
                        ? tokens.clientCredentials(name, args.get(1))
                        : tokens.password(DemoRealm.WEB_CLIENT, name, args.get(1));
            } else {
                token = realm.token(tokens, name);
            }
            OUT.println(token);
            return 0;
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }

    /**
     * The 2021 plan of the Durango municipal DIF and the agency directory, loaded through the public API
     * (idempotent) as the demo administrator, admin.dif.
     */
    void loadData() {
        String token;
        try {
            token = DemoRealm.load(stack.realmFile()).token(new TokenClient(stack.oidcUrl()), "admin.dif");
        } catch (RuntimeException e) {
            OUT.println("Aviso: no se cargaron los datos de demostración: sin token de admin.dif (" + e.getMessage() + ")");
            return;
        }
        try {
            String json = Files.readString(stack.projectDir().resolve("deploy/demo/pat-2021-municipal-durango.json"));
            postDemo("/api/v1/work-plans/import", "{\"orgUnit\":\"10005\",\"fiscalYear\":2021," + json.trim().substring(1),
                    "PAT 2021 del SMDIF Durango (10005)", token);
            postDemo("/api/v1/agencies/import", Files.readString(stack.projectDir().resolve("deploy/demo/agencies.json")),
                    "directorio de dependencias (SALUD-DGO, SEED-DGO y una organización fuera de la plataforma)", token);
        } catch (IOException e) {
            OUT.println("Aviso: no se encontraron los datos de demostración: " + e.getMessage());
        }
    }

    private void postDemo(String path, String body, String what, String token) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                    .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200 || r.statusCode() == 201) {
                OUT.println("Datos de demostración: " + what + " cargado " + r.body());
            } else {
                OUT.println("Aviso: no se cargó " + what + " (" + r.statusCode() + "): " + r.body());
            }
        } catch (Exception e) {
            OUT.println("Aviso: no se cargó " + what + ": " + e.getMessage());
        }
    }
}
