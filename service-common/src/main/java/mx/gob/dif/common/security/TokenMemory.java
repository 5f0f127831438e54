package mx.gob.dif.common.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.concurrent.atomic.LongAdder;

/**
 * Remembers the identity quarkus-oidc verified for a bearer token until the token expires
 * ({@link VerifiedTokens}), so that the gateway and each service check a person's token once and not
 * on every request. A remembered token is answered before quarkus-oidc is asked (a higher priority
 * provider); a token seen for the first time, altered, or past its expiry goes to quarkus-oidc as
 * before and is refused by it exactly as before.
 */
@ApplicationScoped
public class TokenMemory {
    /** Marks an identity answered from the memory, so that it is not written back on every request. */
    static final String RECALLED = "dif.token.recalled";
    private final VerifiedTokens<SecurityIdentity> verified;
    private final LongAdder recalls = new LongAdder();

    @ConfigMapping(prefix = "dif.security.verified-tokens")
    public interface Settings {
        /** How many verified tokens each process remembers (0 turns the memory off). */
        @WithDefault("20000")
        int capacity();
    }

    public TokenMemory(Settings settings) {
        this.verified = new VerifiedTokens<>(settings.capacity(), () -> System.currentTimeMillis() / 1000);
    }

    // called through the CDI client proxy: methods, never the field
    SecurityIdentity recall(String token) {
        SecurityIdentity known = verified.get(token);
        if (known != null) {
            recalls.increment();
        }
        return known;
    }

    /** How many requests were answered from the memory, without quarkus-oidc (for tests and diagnosis). */
    public long recalls() {
        return recalls.sum();
    }

    /** Whether this very token is remembered as verified (for health checks and tests). */
    public boolean remembers(String token) {
        return verified.get(token) != null;
    }

    void remember(String token, long expiresAt, SecurityIdentity identity) {
        verified.put(token, expiresAt, identity);
    }

    /** Answers a bearer token quarkus-oidc already verified; null (ask quarkus-oidc) otherwise. */
    @ApplicationScoped
    public static class Provider implements IdentityProvider<TokenAuthenticationRequest> {
        private final TokenMemory memory;

        public Provider(TokenMemory memory) {
            this.memory = memory;
        }

        @Override
        public Class<TokenAuthenticationRequest> getRequestType() {
            return TokenAuthenticationRequest.class;
        }

        /**
         * Before quarkus-oidc's provider, which keeps the interface's default ({@code SYSTEM_FIRST + 1}): at any lower
         * priority it is asked first, verifies every token itself, and the memory is never consulted.
         */
        @Override
        public int priority() {
            return Integer.MAX_VALUE;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
            if (!(request.getToken() instanceof AccessTokenCredential bearer)) {
                return Uni.createFrom().nullItem();
            }
            SecurityIdentity known = memory.recall(bearer.getToken());
            if (known == null) {
                return Uni.createFrom().nullItem();
            }
            QuarkusSecurityIdentity.Builder answer = QuarkusSecurityIdentity.builder(known).addAttribute(RECALLED, Boolean.TRUE);
            // the remembered identity carries the routing context of the request that verified it: give it this one
            RoutingContext current = HttpSecurityUtils.getRoutingContextAttribute(request);
            if (current != null) {
                answer.addAttribute(RoutingContext.class.getName(), current);
            }
            return Uni.createFrom().item(answer.build());
        }
    }

    /** Remembers what quarkus-oidc verified for a bearer token (the principal is that very token). */
    @ApplicationScoped
    public static class Recorder implements SecurityIdentityAugmentor {
        private final TokenMemory memory;

        public Recorder(TokenMemory memory) {
            this.memory = memory;
        }

        @Override
        public int priority() {
            return -1_000; // last: remember the identity as the other augmentors left it
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            if (identity.getAttribute(RECALLED) != null) {
                return Uni.createFrom().item(identity); // answered from the memory: nothing new to remember
            }
            if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getRawToken() != null) {
                AccessTokenCredential bearer = identity.getCredential(AccessTokenCredential.class);
                // only a bearer request: in a login session (the console) the principal is the ID token, not this one
                if (bearer != null && jwt.getRawToken().equals(bearer.getToken())) {
                    memory.remember(jwt.getRawToken(), jwt.getExpirationTime(), identity);
                }
            }
            return Uni.createFrom().item(identity);
        }
    }
}
