package org.concord.gateway.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser: Debian's Chromium, headless, driven by Debian's chromedriver through Selenium. Nothing is
 * downloaded: both executables are given (Selenium Manager is never asked). Their paths can be changed with
 * {@code CONCORD_TEST_CHROMIUM} and {@code CONCORD_TEST_CHROMEDRIVER}.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(setting("CONCORD_TEST_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(setting("CONCORD_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private final ChromeDriver driver;

    Browser(int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=en-GB", "--window-size=" + width + "," + height);
        // what the page's scripts wrote to the console, kept beside a failure's screenshot
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        driver = new ChromeDriver(service, options);
    }

    /** Why there is no browser here, if there is none. */
    static Optional<String> unavailableReason() {
        if (!Files.isExecutable(CHROMIUM)) {
            return Optional.of("no Chromium at " + CHROMIUM + " (apt-get install chromium chromium-driver, as .ci/run "
                    + "does; or set CONCORD_TEST_CHROMIUM)");
        }
        if (!Files.isExecutable(CHROMEDRIVER)) {
            return Optional.of("no chromedriver at " + CHROMEDRIVER + " (apt-get install chromium-driver, as .ci/run "
                    + "does; or set CONCORD_TEST_CHROMEDRIVER)");
        }
        return Optional.empty();
    }

    public void open(URI url) {
        driver.get(url.toString());
    }

    public WebDriver driver() {
        return driver;
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits until the condition holds (not null, not false), polling every 25 ms, for at most {@code timeout}. */
    public <T> T await(Duration timeout, String what, Function<WebDriver, T> condition) {
        // the console re-renders parts of a page as notifications arrive: an element found a moment ago may be gone
        return new WebDriverWait(driver, timeout, Duration.ofMillis(25)).withMessage(what)
                .ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** Clicks what the selector finds, finding it again if the page re-rendered it meanwhile (live pages do). */
    public void click(Duration timeout, String css) {
        await(timeout, "click " + css, d -> {
            d.findElement(By.cssSelector(css)).click();
            return true;
        });
    }

    @SuppressWarnings("unchecked")
    public <T> T script(String javascript, Object... arguments) {
        return (T) ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /** The page as it is now: {@code <name>.png}, {@code <name>.html} and its console, {@code <name>.console.txt}. */
    public Path screenshot(Path directory, String name) {
        try {
            Files.createDirectories(directory);
            Path png = directory.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), png, StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(directory.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
            Files.write(directory.resolve(name + ".console.txt"), driver.manage().logs().get(LogType.BROWSER).getAll()
                    .stream().map(LogEntry::toString).toList(), StandardCharsets.UTF_8);
            return png;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save a screenshot in " + directory, e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
