package mx.gob.dif.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import mx.gob.dif.deploy.infra.TokenClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The demo people and agency systems of the DIF realm, read from the realm file Keycloak imports
 * ({@code deploy/keycloak/dif-realm.json}), so the table {@code ./dif up} prints, {@code ./dif token}
 * and the end-to-end tests always agree with what Keycloak really has.
 */
public record DemoRealm(List<Person> people, List<AgencySystem> agencies) {
    /** The public client people get tokens through (password grant allowed). */
    public static final String WEB_CLIENT = "dif-web";

    public record Person(String username, String password, String role, String orgUnit) {
    }

    public record AgencySystem(String clientId, String secret, String role, String agency) {
    }

    public static DemoRealm load(Path realmFile) {
        JsonNode realm;
        try {
            realm = new ObjectMapper().readTree(realmFile.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the realm file " + realmFile, e);
        }
        List<Person> people = new ArrayList<>();
        List<AgencySystem> agencies = new ArrayList<>();
        for (JsonNode user : realm.path("users")) {
            String role = user.path("realmRoles").path(0).asText(null);
            if (user.hasNonNull("serviceAccountClientId")) {
                String clientId = user.get("serviceAccountClientId").asText();
                String secret = null;
                for (JsonNode client : realm.path("clients")) {
                    if (clientId.equals(client.path("clientId").asText())) {
                        secret = client.path("secret").asText(null);
                    }
                }
                agencies.add(new AgencySystem(clientId, secret, role, user.path("attributes").path("agency").path(0).asText(null)));
            } else {
                String password = null;
                for (JsonNode c : user.path("credentials")) {
                    if ("password".equals(c.path("type").asText())) {
                        password = c.path("value").asText(null);
                    }
                }
                people.add(new Person(user.path("username").asText(), password, role,
                        user.path("attributes").path("orgUnit").path(0).asText(null)));
            }
        }
        return new DemoRealm(List.copyOf(people), List.copyOf(agencies));
    }

    public Optional<Person> person(String username) {
        return people.stream().filter(p -> p.username().equals(username)).findFirst();
    }

    public Optional<AgencySystem> agency(String clientId) {
        return agencies.stream().filter(a -> a.clientId().equals(clientId)).findFirst();
    }

    /**
     * An access token for a demo person (password grant on {@value #WEB_CLIENT}) or a demo agency system
     * (client credentials), by username or client id.
     */
    public String token(TokenClient tokens, String name) {
        Optional<AgencySystem> agency = agency(name);
        if (agency.isPresent()) {
            return tokens.clientCredentials(name, agency.get().secret());
        }
        Person person = person(name).orElseThrow(() -> new IllegalArgumentException("No hay un usuario ni un cliente de "
                + "demostración llamado '" + name + "'. Conocidos: " + String.join(", ", names()) + "."));
        return tokens.password(WEB_CLIENT, name, person.password());
    }

    public List<String> names() {
        List<String> all = new ArrayList<>();
        people.forEach(p -> all.add(p.username()));
        agencies.forEach(a -> all.add(a.clientId()));
        return all;
    }
}
