package db.migration;

import mx.gob.dif.cases.webhooks.SealedSecrets;
import mx.gob.dif.cases.webhooks.WebhookSecrets;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Webhook signing secrets stop being stored in plain text: the column becomes {@code secret_sealed},
 * every existing secret is sealed in place with {@code cases.webhooks.secret-key} (AES-GCM, see
 * {@code SealedSecrets}), so integrators keep their secret and nothing needs re-registering, and a
 * check lets only sealed text in from then on. In Java because the key is configuration, not
 * something the database may hold.
 */
public class V6__seal_webhook_secrets extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        seal(context.getConnection(), () -> SealedSecrets.fromBase64(WebhookSecrets.KEY_PROPERTY,
                ConfigProvider.getConfig().getOptionalValue(WebhookSecrets.KEY_PROPERTY, String.class).orElse(null)));
    }

    /** Seals the secrets of {@code webhook_subscription} on the connection's schema; the number of rows sealed. */
    public static int seal(Connection c, Supplier<SealedSecrets> key) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("alter table webhook_subscription rename column secret to secret_sealed");
        }
        Map<UUID, String> plain = new LinkedHashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select id, secret_sealed from webhook_subscription for update")) {
            while (rs.next()) {
                plain.put(rs.getObject(1, UUID.class), rs.getString(2));
            }
        }
        if (!plain.isEmpty()) {
            SealedSecrets sealer = key.get(); // only now: an empty table needs no key to migrate
            try (PreparedStatement ps = c.prepareStatement("update webhook_subscription set secret_sealed = ? where id = ?")) {
                for (Map.Entry<UUID, String> row : plain.entrySet()) {
                    ps.setString(1, sealer.seal(row.getKey(), row.getValue()));
                    ps.setObject(2, row.getKey());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute("alter table webhook_subscription add constraint webhook_subscription_secret_is_sealed"
                    + " check (secret_sealed like '" + SealedSecrets.PREFIX + "%')");
            st.execute("comment on column webhook_subscription.secret_sealed is"
                    + " 'HMAC signing secret sealed with AES-256-GCM (cases.webhooks.secret-key, subscription id as associated data)'");
        }
        return plain.size();
    }
}
