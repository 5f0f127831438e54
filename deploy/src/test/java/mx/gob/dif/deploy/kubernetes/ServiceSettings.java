package mx.gob.dif.deploy.kubernetes;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one service reads from its environment, from its own configuration files: every property of its
 * application.properties, service-common's and messaging's (MicroProfile Config reads a property from the
 * environment variable of the same name upper-cased with every other character as '_'), every variable an
 * expression names ({@code ${DIF_OIDC_URL:...}}), and the secrets its production profile insists on
 * ({@code dif.production.secrets."<property>".demo}, with their demo values). Later files win, as the service's
 * application.properties wins over the shared defaults.
 */
record ServiceSettings(Set<String> variables, List<Secret> secrets) {
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-\"]+)(:[^}]*)?}");
    private static final Pattern SECRET = Pattern.compile("dif\\.production\\.secrets\\.\"([^\"]+)\"\\.demo");
    /** Read by the JVM itself, not by the application. */
    private static final Set<String> JVM = Set.of("JAVA_TOOL_OPTIONS");

    /**
     * A secret the production profile insists on: the variables that set it (the property's own, and the one its
     * value's expression names, e.g. CONSOLE_OIDC_SECRET) and the demo value it refuses.
     */
    record Secret(String property, Set<String> variables, String demo) {
    }

    /** The settings of the module in {@code moduleDir} (e.g. ../cases-service), with the shared files under {@code root}. */
    static ServiceSettings of(Path root, Path moduleDir) {
        Set<String> variables = new HashSet<>(JVM);
        Properties all = new Properties();
        for (Path file : List.of(root.resolve("messaging/src/main/resources/META-INF/microprofile-config.properties"),
                root.resolve("service-common/src/main/resources/META-INF/microprofile-config.properties"),
                moduleDir.resolve("src/main/resources/application.properties"))) {
            Properties properties = load(file);
            for (String key : properties.stringPropertyNames()) {
                String property = key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
                variables.add(environmentName(property));
                variables.addAll(expressionVariables(properties.getProperty(key)));
            }
            all.putAll(properties);
        }
        List<Secret> secrets = new ArrayList<>();
        for (String key : all.stringPropertyNames()) {
            Matcher secret = SECRET.matcher(key);
            if (secret.matches()) {
                String property = secret.group(1);
                Set<String> setBy = new HashSet<>(expressionVariables(all.getProperty(property, "")));
                setBy.add(environmentName(property));
                secrets.add(new Secret(property, Set.copyOf(setBy), all.getProperty(key).trim()));
            }
        }
        return new ServiceSettings(Set.copyOf(variables), List.copyOf(secrets));
    }

    private static Set<String> expressionVariables(String value) {
        Set<String> names = new HashSet<>();
        Matcher expressions = EXPRESSION.matcher(value);
        while (expressions.find()) {
            names.add(environmentName(expressions.group(1)));
        }
        return names;
    }

    /** MicroProfile Config's environment variable for a property. */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
        return properties;
    }
}
