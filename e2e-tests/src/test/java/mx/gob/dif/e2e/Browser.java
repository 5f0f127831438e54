package mx.gob.dif.e2e;

import mx.gob.dif.deploy.DemoRealm;
import mx.gob.dif.deploy.Stack;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real browser on the console: Debian's headless Chromium ({@value #CHROMIUM}) driven through its own
 * chromedriver ({@value #CHROMEDRIVER}), both installed by .ci/run, with a fresh profile each time and the office
 * screen's 1366×768 window. {@link #signIn} goes through the real Keycloak login page of the stack's realm;
 * {@link #screenshot} writes e2e-tests/target/screenshots/&lt;name&gt;.png.
 */
public final class Browser implements AutoCloseable {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    /** Generous: the machine is shared and the first page of a session waits for Keycloak and the API. */
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Stack stack;
    private final Path profile;
    private final ChromeDriver driver;

    private Browser(Stack stack, Path profile, ChromeDriver driver) {
        this.stack = stack;
        this.profile = profile;
        this.driver = driver;
    }

    /** A new browser (its own empty profile: no cookies, no session) on the running stack. */
    public static Browser open() {
        Stack stack = PlatformStack.get();
        Path profile;
        try {
            profile = Files.createTempDirectory("dif-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--lang=es-MX",
                "--user-data-dir=" + profile, "--window-size=1366,768");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1366, 768));
        return new Browser(stack, profile, driver);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** The console's address as a person types it: the gateway's root on localhost. */
    public String consoleUrl(String path) {
        return "http://localhost:" + stack.gatewayPort() + path;
    }

    public Browser go(String path) {
        driver.get(consoleUrl(path));
        return this;
    }

    /**
     * Opens the console and signs {@code username} (a demo person of the realm file) in on Keycloak's own login
     * page, then waits until the console shows the person's name.
     */
    public Browser signIn(String username) {
        String password = DemoRealm.load(stack.realmFile()).person(username)
                .orElseThrow(() -> new IllegalArgumentException("no demo person " + username)).password();
        go("/");
        WebElement user = await(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        if (!driver.getCurrentUrl().startsWith(stack.keycloakUrl())) {
            throw new IllegalStateException("expected Keycloak's login page, got " + driver.getCurrentUrl());
        }
        user.sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        await(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".who .person"), username));
        return this;
    }

    public <T> T await(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition);
    }

    public WebElement find(By by) {
        return await(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Saves what the browser shows as target/screenshots/{name}.png (the module's target). */
    public Path screenshot(String name) {
        Path dir = Path.of("target", "screenshots").toAbsolutePath();
        try {
            Files.createDirectories(dir);
            Path png = dir.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), png, StandardCopyOption.REPLACE_EXISTING);
            return png;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                System.err.println("The browser profile " + profile + " was not deleted: " + e.getMessage());
            }
        }
    }
}
