package mx.gob.dif.common.security;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Signed RS256 access tokens shaped like the DIF realm's, for tests. Services under test verify them
 * against the matching public key ({@code %test.quarkus.oidc.public-key} in service-common's
 * microprofile-config.properties), so the whole validation path runs; end-to-end tests use the real
 * Keycloak instead. The key pair exists only for tests.
 */
public final class TestTokens {
    public static final String ISSUER = "https://keycloak.test/realms/dif";
    /** The audience the realm's platform clients put into their tokens and every service requires. */
    public static final String AUDIENCE = "dif-platform";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PrivateKey KEY = loadKey();

    private TestTokens() {
    }

    public static String operator(String orgUnit) {
        return person("operador." + orgUnit, orgUnit, Roles.MUNICIPAL_OPERATOR);
    }

    public static String caseWorker(String orgUnit) {
        return person("trabajadora." + orgUnit, orgUnit, Roles.CASE_WORKER);
    }

    public static String director(String orgUnit) {
        return person("director." + orgUnit, orgUnit, Roles.DIRECTOR);
    }

    public static String analyst(String orgUnit) {
        return person("analista." + orgUnit, orgUnit, Roles.STATE_ANALYST);
    }

    public static String administrator() {
        return person("admin.dif", "10", Roles.ADMINISTRATOR);
    }

    public static String integrator(String agency) {
        return builder().name("agencia-" + agency.toLowerCase()).agency(agency).roles(Roles.INTEGRATOR).build();
    }

    public static String person(String username, String orgUnit, String... roles) {
        return builder().name(username).orgUnit(orgUnit).roles(roles).build();
    }

    /** The same token with its unit widened (to the state, or the country if it already was the state): the signature no longer matches. */
    public static String tampered(String token) {
        String[] parts = token.split("\\.");
        Map<String, Object> claims = decode(parts[1]);
        claims.put("org_unit", "10".equals(claims.get("org_unit")) ? "MX" : "10");
        return parts[0] + "." + encode(claims) + "." + parts[2];
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String name = "usuario.prueba";
        private String orgUnit;
        private String agency;
        private List<String> roles = List.of();
        private String issuer = ISSUER;
        private String audience = AUDIENCE;
        private Instant expires = Instant.now().plus(Duration.ofMinutes(30));

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder orgUnit(String orgUnit) {
            this.orgUnit = orgUnit;
            return this;
        }

        public Builder agency(String agency) {
            this.agency = agency;
            return this;
        }

        public Builder roles(String... roles) {
            this.roles = List.of(roles);
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        /** Another audience, or none ({@code null}): a token of the realm issued to a client outside the platform. */
        public Builder audience(String audience) {
            this.audience = audience;
            return this;
        }

        public Builder expiresIn(Duration from) {
            this.expires = Instant.now().plus(from);
            return this;
        }

        public Builder expiredSince(Duration ago) {
            this.expires = Instant.now().minus(ago);
            return this;
        }

        public String build() {
            Map<String, Object> claims = new LinkedHashMap<>();
            long now = Instant.now().getEpochSecond();
            claims.put("iss", issuer);
            if (audience != null) {
                claims.put("aud", audience);
            }
            claims.put("sub", UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString());
            claims.put("iat", Math.min(now, expires.getEpochSecond() - 300));
            claims.put("exp", expires.getEpochSecond());
            claims.put("jti", UUID.randomUUID().toString());
            claims.put("typ", "Bearer");
            claims.put("azp", agency == null ? "dif-web" : name);
            claims.put("preferred_username", agency == null ? name : "service-account-" + name);
            claims.put("realm_access", Map.of("roles", roles));
            if (orgUnit != null) {
                claims.put("org_unit", orgUnit);
            }
            if (agency != null) {
                claims.put("agency", agency);
            }
            String signingInput = encode(Map.of("alg", "RS256", "typ", "JWT")) + "." + encode(claims);
            return signingInput + "." + sign(signingInput);
        }
    }

    private static String sign(String input) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(KEY);
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, Object> json) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(json));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> decode(String part) {
        try {
            return new LinkedHashMap<>(JSON.readValue(Base64.getUrlDecoder().decode(part), Map.class));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey loadKey() {
        try (InputStream in = TestTokens.class.getResourceAsStream("/test-oidc/private.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("No test signing key at /test-oidc/private.pem", e);
        }
    }
}
