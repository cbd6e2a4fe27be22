package dev.llmfleet.observability.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.llmfleet.api.errorbus.FleetEvent;
import dev.llmfleet.api.errorbus.Severity;
import dev.llmfleet.api.observability.AnomalyKind;
import dev.llmfleet.api.observability.RunProgress;
import dev.llmfleet.api.observability.RunState;
import dev.llmfleet.api.registry.HeartbeatResponse;
import dev.llmfleet.api.registry.InstanceStatus;
import dev.llmfleet.api.registry.PrometheusTargetGroup;
import dev.llmfleet.api.registry.RegisterInstanceRequest;
import dev.llmfleet.api.registry.RegistryClient;
import dev.llmfleet.api.registry.ServiceInstance;
import dev.llmfleet.api.registry.ServiceSummary;
import dev.llmfleet.observability.alert.AlertEngine;
import dev.llmfleet.observability.alert.Signal;
import dev.llmfleet.observability.anomaly.AnomalyWatch;
import dev.llmfleet.observability.events.ErrorRates;
import dev.llmfleet.observability.health.HealthMonitor;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;

/**
 * The dashboard in a real headless Chromium: it signs in, every page loads without console errors
 * and shows the live data of a running hub (which watches itself through the registry), and a
 * screenshot of every page is written under {@code target/screenshots/}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "fleet.registry.enabled=false",
            "fleet.security.enabled=false",
            "fleet.errorbus.reporter.enabled=false",
            "fleet.observability.sources.error-bus-feed=false",
            "fleet.observability.health.poll-interval=1h",
            "fleet.observability.sources.poll-interval=1h",
            "fleet.observability.runs.check-interval=1h",
            "spring.main.banner-mode=off"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;

    @Autowired
    HealthMonitor health;

    @Autowired
    AlertEngine engine;

    @Autowired
    ErrorRates errors;

    @Autowired
    AnomalyWatch anomalies;

    WebDriver browser;
    Path profile;

    @TestConfiguration
    static class SelfRegistry {
        /** The registry answers with this hub itself, so the health monitor reads a real instance. */
        @Bean
        @Primary
        RegistryClient selfRegistry(Environment environment) {
            return new SelfRegistryClient(environment);
        }
    }

    @BeforeAll
    void startBrowserWithLiveData() throws Exception {
        assumeThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("Chromium and chromedriver (installed by .ci/install-browser)")
                .isTrue();
        feedLiveData();
        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1400,1000",
                "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()) // never let Selenium Manager download one
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void asksToSignInThenOpensTheOverview() throws Exception {
        browser.get("http://localhost:" + port + "/");
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
        screenshot("login");
        browser.findElement(By.id("api-key")).sendKeys("flk_dashboard-test");
        browser.findElement(By.id("sign-in")).click();

        loaded("overview");
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("services"), "observability-hub"));
        assertThat(browser.findElement(By.id("services")).getText()).contains("observability-hub", "UP");
        assertThat(browser.findElement(By.id("sources")).getText()).contains("trainer", "resource-scheduler");
        finishPage("overview");
    }

    @Test
    @Order(2)
    void showsTheQueueAsAbsentWhenTheSchedulerCannotBeRead() throws Exception {
        open("queue");
        assertThat(browser.findElement(By.id("page-queue")).getText()).contains("Queue");
        finishPage("queue");
    }

    @Test
    @Order(3)
    void showsTheCurrentRunLiveWithItsCurves() throws Exception {
        open("run");
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("run-id"), "run-live"));
        assertThat(browser.findElement(By.id("run-step")).getText()).isEqualTo("30 / 100");
        assertThat(browser.findElement(By.id("run-gap")).getText()).isEqualTo("0.200");
        Object points = ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return Chart.getChart('loss-chart').data.datasets[0].data.length");
        assertThat(points).isEqualTo(3L);

        // live: a new report shows up on the next refresh
        report(40, 1.5, 1.8);
        await().until(ExpectedConditions.textToBe(By.id("run-step"), "40 / 100"));
        finishPage("run");
    }

    @Test
    @Order(4)
    void showsVersionsAndEvolutionAsAbsentWithoutTheirSources() throws Exception {
        open("versions");
        assertThat(browser.findElement(By.id("versions-absent")).getText()).contains("absent");
        finishPage("versions");

        open("evolution");
        assertThat(browser.findElement(By.id("evolution-absent")).getText()).contains("absent");
        finishPage("evolution");
    }

    @Test
    @Order(5)
    void showsAlertsErrorsAndAnomalies() throws Exception {
        open("alerts");
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("alerts"), "service-errors"));
        assertThat(browser.findElement(By.id("errors")).getText()).contains("resource-scheduler", "job-failed");
        assertThat(browser.findElement(By.id("notifications")).getText()).contains("console");
        assertThat(browser.findElement(By.id("anomalies")).getText()).contains("GPU_TEMPERATURE:trainer/0");
        finishPage("alerts");
    }

    private void feedLiveData() {
        health.poll();
        report(10, 2.5, null);
        report(20, 2.0, 2.3);
        report(30, 1.8, 2.0);
        FleetEvent failure = new FleetEvent(
                "evt-1",
                "resource-scheduler",
                "scheduler-1",
                Severity.ERROR,
                "job-failed",
                "Job 7 failed: out of memory",
                List.of(),
                null,
                null,
                Instant.now());
        errors.record(failure);
        engine.onEvent(Signal.from(failure));
        for (int i = 0; i < 30; i++) {
            anomalies.observe(AnomalyKind.GPU_TEMPERATURE, "trainer/0", 70 + (i % 3));
        }
        anomalies.observe(AnomalyKind.GPU_TEMPERATURE, "trainer/0", 99);
    }

    private void report(long step, double loss, Double validationLoss) {
        RestClient.create("http://localhost:" + port)
                .put()
                .uri("/api/observability/runs/run-live/progress")
                .body(new RunProgress(
                        "run-live", "arithmetic", RunState.RUNNING, step, 100, loss, validationLoss, 1200.0, null))
                .retrieve()
                .toBodilessEntity();
    }

    private void open(String page) {
        browser.findElement(By.cssSelector("nav a[data-page='" + page + "']")).click();
        loaded(page);
    }

    private void loaded(String page) {
        await().until(d -> page.equals(d.findElement(By.tagName("body")).getAttribute("data-loaded")));
    }

    private void finishPage(String page) throws Exception {
        screenshot(page);
        List<String> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
        assertThat(severe).as("console errors on " + page).isEmpty();
    }

    private void screenshot(String page) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(
                shot.toPath(), SCREENSHOTS.resolve(page + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private WebDriverWait await() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    static class SelfRegistryClient implements RegistryClient {
        private final Environment environment;

        SelfRegistryClient(Environment environment) {
            this.environment = environment;
        }

        @Override
        public List<ServiceInstance> allInstances() {
            int port = environment.getRequiredProperty("local.server.port", Integer.class);
            Instant now = Instant.now();
            return List.of(new ServiceInstance(
                    "observability-hub-1",
                    "observability-hub",
                    "localhost",
                    port,
                    "http",
                    "control",
                    Map.of(),
                    InstanceStatus.UP,
                    now,
                    now,
                    List.of()));
        }

        @Override
        public ServiceInstance register(RegisterInstanceRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public HeartbeatResponse heartbeat(String instanceId, dev.llmfleet.api.registry.HeartbeatRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void deregister(String instanceId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ServiceSummary> services() {
            return List.of();
        }

        @Override
        public List<ServiceInstance> upInstances(String serviceName) {
            return List.of();
        }

        @Override
        public List<PrometheusTargetGroup> prometheusTargets() {
            return List.of();
        }
    }
}
