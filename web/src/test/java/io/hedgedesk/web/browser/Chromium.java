package io.hedgedesk.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for the journey tests: Debian's headless Chromium driven through Debian's chromedriver (installed
 * by {@code scripts/ensure-chromium.sh}), both given by path so that Selenium Manager never runs and nothing is
 * downloaded. Fixed window size; after every page the test visits, a screenshot goes to
 * {@code target/screenshots/<test>/<nn>-<page>.png}. The browser console is kept, so a test can assert that the
 * Content-Security-Policy blocked nothing.
 */
public final class Chromium implements AutoCloseable {

    public static final Path BROWSER = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final int WIDTH = 1280;
    static final int HEIGHT = 900;

    private final ChromeDriver driver;
    private final Path screenshots;
    private final List<String> console = new ArrayList<>();
    private int shot;

    private Chromium(ChromeDriver driver, Path screenshots) {
        this.driver = driver;
        this.screenshots = screenshots;
    }

    /** Starts a fresh browser (empty profile: no cookies) whose screenshots go under {@code test}. */
    public static Chromium start(String test) {
        return start(test, null);
    }

    /**
     * Like {@link #start(String)}; downloads (when {@code downloads} is not null) are saved into that directory
     * without asking.
     */
    public static Chromium start(String test, Path downloads) {
        assertThat(BROWSER).as("Chromium; run scripts/ensure-chromium.sh").isExecutable();
        assertThat(DRIVER).as("chromedriver; run scripts/ensure-chromium.sh").isExecutable();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        // As root in a container, without a GPU, and with no traffic but to this machine (the closed network refuses
        // Chromium's own background connections).
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--window-size=" + WIDTH + "," + HEIGHT,
                "--hide-scrollbars",
                "--no-first-run",
                "--disable-quic",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-default-apps",
                "--disable-extensions",
                "--lang=en-US");
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("intl.accept_languages", "en-US,en");
        if (downloads != null) {
            prefs.put("download.default_directory", downloads.toAbsolutePath().toString());
            prefs.put("download.prompt_for_download", false);
            prefs.put("download.directory_upgrade", true);
        }
        options.setExperimentalOption("prefs", prefs);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        Path dir = Path.of("target", "screenshots", test);
        try {
            Files.createDirectories(dir);
            try (var old = Files.list(dir)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir, e);
        }
        return new Chromium(new ChromeDriver(service, options), dir);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /**
     * Emulates a screen of {@code width} × {@code height} CSS pixels from now on (a phone when {@code mobile}: the page's
     * viewport meta tag applies, as on a real phone); the next {@link #visited} screenshot has that size.
     */
    public void viewport(int width, int height, boolean mobile) {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    /** Opens {@code url} and records the page as {@code page}. */
    public void open(String url, String page) {
        driver.get(url);
        visited(page);
    }

    /** Clicks {@code element}, waits for the next page to load, and records it as {@code page}. */
    public void clickAndWait(WebElement element, String page) {
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> isGone(element));
        visited(page);
    }

    /**
     * Whether {@code element} left the document (the next page replaced it). Like Selenium's {@code stalenessOf},
     * but Chromium 156 sometimes answers a probe made while the new page is being committed with an "unknown error
     * … Node with given id does not belong to the document" instead of a stale-element error: also gone.
     */
    static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Waits until the page has an element matching {@code selector} and returns it. */
    public WebElement await(By selector) {
        return new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(selector));
    }

    /** Waits for the document to be complete, then saves {@code <nn>-<page>.png}. */
    public Path visited(String page) {
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> "complete".equals(driver.executeScript("return document.readyState")));
        collectConsole();
        String name = String.format(Locale.ROOT, "%02d-%s.png", ++shot, page.replaceAll("[^A-Za-z0-9-]", "-"));
        Path file = screenshots.resolve(name);
        try {
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    /** Every browser console message so far (CSP violations appear here as "Refused to ..."). */
    public List<String> console() {
        collectConsole();
        return List.copyOf(console);
    }

    private void collectConsole() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            console.add(entry.getLevel() + " " + entry.getMessage());
        }
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
