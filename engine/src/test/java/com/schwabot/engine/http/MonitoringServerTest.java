package com.schwabot.engine.http;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.schwabot.engine.Engine;
import com.schwabot.engine.monitor.EngineCounter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitoring server of an engine trading against the embedded simulator, over real loopback HTTP: metrics that
 * parse as Prometheus text, status JSON, health, the dashboard page, errors, and admin requests without the right
 * token refused with 401, audited, and changing nothing.
 */
class MonitoringServerTest
{
    @TempDir
    static Path dir;

    private static RunningEngine running;

    @BeforeAll
    static void start() throws Exception
    {
        running = RunningEngine.start(dir);
        final Engine engine = running.engine();
        RunningEngine.waitUntil("orders and a latency sample",
            () -> engine.counters().value(EngineCounter.ORDERS_SENT) > 0 &&
            engine.monitor().snapshot().eventLatency().windowCount() > 0 && engine.core().status().feedUp(), 60_000);
    }

    @AfterAll
    static void stop()
    {
        running.close();
    }

    @Test
    void shouldServeMetricsThatParseAsPrometheusText() throws Exception
    {
        final HttpResponse<String> response = running.get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(MetricsText.CONTENT_TYPE);
        final PrometheusText.Scrape scrape = PrometheusText.parse(response.body());
        assertThat(scrape.types())
            .containsEntry("schwabot_up", "gauge")
            .containsEntry("schwabot_inbound_frames_total", "counter")
            .containsEntry("schwabot_risk_reject_total", "counter")
            .containsEntry("schwabot_frames_bad_total", "counter")
            .containsEntry("schwabot_status_position", "gauge")
            .containsEntry("schwabot_status_pnl", "gauge")
            .containsEntry("schwabot_alert_active", "gauge")
            .containsEntry("schwabot_venue_feed_reconnects_total", "counter")
            .containsEntry("schwabot_venue_gateway_synthetic_rejects_total", "counter")
            .containsEntry("schwabot_sim_fills_total", "counter")
            .containsEntry("schwabot_event_latency_seconds", "summary")
            .containsEntry("schwabot_order_latency_seconds", "summary");
        assertThat(scrape.value("schwabot_up")).isEqualTo(1.0);
        assertThat(scrape.value("schwabot_inbound_frames_total")).isPositive();
        assertThat(scrape.value("schwabot_orders_sent_total")).isPositive();
        assertThat(scrape.value("schwabot_venue_feed_connects_total")).isGreaterThanOrEqualTo(1.0);
        assertThat(scrape.value("schwabot_risk_reject_total", "reason", "HALTED")).isZero();
        assertThat(scrape.value("schwabot_status_position", "symbol", "BTCUSDT")).isNotNaN();
        assertThat(scrape.value("schwabot_alert_active", "alert", "p99_latency")).isBetween(0.0, 1.0);
        assertThat(scrape.value("schwabot_event_latency_seconds", "quantile", "0.99")).isPositive().isLessThan(60);
        assertThat(scrape.value("schwabot_event_latency_seconds", "quantile", "0.5"))
            .isLessThanOrEqualTo(scrape.value("schwabot_event_latency_seconds", "quantile", "0.99"));
        assertThat(scrape.value("schwabot_event_latency_seconds_count")).isPositive();
        assertThat(scrape.value("schwabot_event_latency_seconds_sum")).isPositive();
        assertThat(scrape.samples()).noneMatch((s) -> s.name().startsWith("schwabot_latency_"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldServeStatusAsJsonFromPublishedStateOnly() throws Exception
    {
        final HttpResponse<String> response = running.get("/status");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        final Map<String, Object> status = Json.object(response.body());
        assertThat(status).containsKeys("time", "uptimeMs", "live", "ready", "pnl", "positions", "risk", "orders",
            "feed", "gateway", "events", "latencyUs", "freeDiskMb", "journal", "alerts");
        assertThat((List<Map<String, Object>>)status.get("positions")).extracting((p) -> p.get("symbol"))
            .containsExactly("BTCUSDT", "ETHUSDT");
        assertThat((Map<String, Object>)status.get("pnl")).containsKeys("total", "realized", "fees", "drawdownBps");
        final Map<String, Object> risk = (Map<String, Object>)status.get("risk");
        assertThat(risk).containsEntry("profile", "conservative").containsEntry("halted", false)
            .containsEntry("haltReason", null).containsKey("rejectsByReason");
        assertThat((Map<String, Object>)status.get("feed")).containsEntry("connected", true);
        assertThat((Double)((Map<String, Object>)status.get("orders")).get("sent")).isPositive();
        assertThat((Double)((Map<String, Object>)status.get("events")).get("total")).isPositive();
        final Map<String, Object> latency = (Map<String, Object>)((Map<String, Object>)status.get("latencyUs"))
            .get("event");
        assertThat((Double)latency.get("p99")).isPositive();
        assertThat((List<Map<String, Object>>)status.get("alerts")).extracting((a) -> a.get("name"))
            .containsExactly("drawdown", "reject_rate", "p99_latency", "stale_feed", "free_disk", "journal");
        assertThat((Map<String, Object>)status.get("journal")).containsEntry("state", "ok")
            .containsEntry("cause", null).containsEntry("reserveBytes", (double)(256L << 20))
            .containsEntry("stopBytes", (double)(64L << 20)).containsKeys("dir", "freeBytes", "refused", "failures");
    }

    @Test
    void shouldBeLiveAndReadyWhileTheFeedIsUpAndTradingIsNotHalted() throws Exception
    {
        final HttpResponse<String> health = running.get("/health");
        final HttpResponse<String> live = running.get("/health/live");

        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(Json.object(health.body())).containsEntry("status", "UP").containsEntry("live", true)
            .containsEntry("ready", true);
        assertThat(live.statusCode()).isEqualTo(200);
    }

    @Test
    void shouldServeTheDashboardWithNoExternalAssets() throws Exception
    {
        final HttpResponse<String> page = running.get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
            (csp) -> assertThat(csp).contains("default-src 'none'", "connect-src 'self'"));
        assertThat(page.body()).contains("<svg", "fetch(\"/status\"", "fetch(\"/metrics\"")
            .doesNotContain("http://", "https://", "<link", "src=\"");
        assertThat(running.get("/dashboard").body()).isEqualTo(page.body());
    }

    @Test
    void shouldAnswerUnknownPathsWith404AndWrongMethodsWith405() throws Exception
    {
        final HttpResponse<String> missing = running.get("/nope");
        final HttpResponse<String> getHalt = running.get("/halt");
        final HttpResponse<String> postStatus = running.post("/status", null);

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Json.object(missing.body())).containsKey("error");
        assertThat(getHalt.statusCode()).isEqualTo(405);
        assertThat(getHalt.headers().firstValue("Allow")).hasValue("POST");
        assertThat(postStatus.statusCode()).isEqualTo(405);
        assertThat(postStatus.headers().firstValue("Allow")).hasValue("GET, HEAD");

        final String badEscape = running.raw("GET /%zz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n", true);
        assertThat(badEscape).startsWith("HTTP/1.1 400 ")
            .endsWith("{\"error\":\"bad request: malformed path (a bad percent-escape)\"}");
        assertThat(running.get("/h%61lt").statusCode()).as("a path is matched decoded").isEqualTo(405);
    }

    @Test
    void shouldAnswerHeadLikeGetWithoutTheBody() throws Exception
    {
        for (final String path : List.of("/status", "/metrics", "/health", "/health/live", "/", "/dashboard"))
        {
            final String get = running.raw("GET " + path + " HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n", true);
            final String head = running.raw("HEAD " + path + " HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n",
                true);

            assertThat(head).as(path).startsWith(get.substring(0, get.indexOf("\r\n")) + "\r\n").endsWith("\r\n\r\n")
                .containsPattern("(?i)content-length: [1-9]\\d*\r\n")
                .contains(headerLine(get, "content-type"));
        }
    }

    @Test
    void shouldAuditAdminRequestsRefusedBeforeTheTokenCheckWithoutWhatTheyCarried() throws Exception
    {
        final Path auditLog = running.dir().resolve("logs/audit.log");
        final int before = Files.readAllLines(auditLog).size();
        final String filler = "q".repeat(100_000);

        final String body = running.raw("POST /resume HTTP/1.1\r\nHost: t\r\nConnection: close\r\n" +
            "Content-Length: 20000000\r\n\r\n", false);
        final String expect = running.raw("POST /halt HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\n" +
            "Content-Length: 20000000\r\n\r\n", false);
        final String header = running.raw("POST /resume HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer " + filler +
            "\r\n\r\n", false);
        final String longLine = running.raw("POST /halt?" + filler + " HTTP/1.1\r\nHost: t\r\n\r\n", false);
        final String badLine = running.raw("POST /resume HTTP/1.1x\r\nHost: t\r\n\r\n", false);
        final String badPath = running.raw("POST /h%zzalt HTTP/1.1\r\nHost: t\r\n\r\n", false);
        final String twoTokens = running.raw("POST /halt HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer " +
            RunningEngine.TOKEN + "\r\nAuthorization: Bearer qqqq\r\nContent-Length: 0\r\n\r\n", false);
        final HttpResponse<String> get = running.get("/halt");

        assertThat(body).startsWith("HTTP/1.1 413 ");
        assertThat(expect).startsWith("HTTP/1.1 413 ");
        assertThat(header).startsWith("HTTP/1.1 400 ")
            .endsWith("\r\n\r\n{\"error\":\"bad request: request line or headers too large\"}");
        assertThat(longLine).startsWith("HTTP/1.1 400 ").endsWith("\r\n\r\n{\"error\":\"bad request: request line " +
            "larger than " + MonitorHttpServer.MAX_REQUEST_LINE_BYTES + " bytes\"}");
        assertThat(badLine).startsWith("HTTP/1.1 400 ").endsWith("{\"error\":\"bad request: malformed request line\"}");
        assertThat(badPath).startsWith("HTTP/1.1 400 ");
        assertThat(twoTokens).startsWith("HTTP/1.1 400 ").endsWith("{\"error\":\"bad request: more than one " +
            "Authorization header\"}");
        assertThat(get.statusCode()).isEqualTo(405);
        final List<String> audit = Files.readAllLines(auditLog);
        final List<Map<String, Object>> added = audit.subList(before, audit.size()).stream().map(Json::object).toList();
        assertThat(added).extracting((line) -> line.get("action") + " " + line.get("outcome") + " " +
            line.get("status") + " " + line.get("detail")).containsExactly(
            "resume refused 413.0 request body larger than " + MonitorHttpServer.MAX_REQUEST_BYTES + " bytes",
            "halt refused 413.0 request body larger than " + MonitorHttpServer.MAX_REQUEST_BYTES + " bytes",
            "resume refused 400.0 request line or headers too large",
            "unknown refused 400.0 request line larger than " + MonitorHttpServer.MAX_REQUEST_LINE_BYTES + " bytes",
            "unknown refused 400.0 malformed request line",
            "unknown refused 400.0 malformed path (a bad percent-escape)",
            "halt refused 400.0 more than one Authorization header",
            "halt refused 405.0 method GET not allowed");
        assertThat(added).allSatisfy((line) -> assertThat((String)line.get("remote")).startsWith("127.0.0.1:"));
        assertThat(String.join("\n", audit)).doesNotContain("qqqq", "Bearer", RunningEngine.TOKEN);
        assertThat(running.engine().core().status().halted()).isFalse();
    }

    private static String headerLine(final String response, final String name)
    {
        return response.lines().filter((line) -> line.toLowerCase(java.util.Locale.ROOT).startsWith(name + ":"))
            .findFirst().orElseThrow();
    }

    @Test
    void shouldRefuseAdminWithoutTheRightTokenWith401AuditItAndChangeNothing() throws Exception
    {
        final Engine engine = running.engine();
        final long adminBefore = engine.counters().value(EngineCounter.ADMIN_COMMANDS);
        final long haltsBefore = engine.counters().value(EngineCounter.HALTS);
        final long ticks = engine.counters().value(EngineCounter.TIMER_TICKS);
        final Path auditLog = running.dir().resolve("logs/audit.log");
        final int before = Files.exists(auditLog) ? Files.readAllLines(auditLog).size() : 0;

        final HttpResponse<String> none = running.post("/halt", null);
        final HttpResponse<String> wrong = running.post("/halt", "Bearer wrong-token-0123456789abcdef");
        final HttpResponse<String> basic = running.post("/resume", "Basic " + RunningEngine.TOKEN);
        RunningEngine.waitUntil("five timer ticks handled",
            () -> engine.counters().value(EngineCounter.TIMER_TICKS) > ticks + 5, 10_000);

        for (final HttpResponse<String> response : List.of(none, wrong, basic))
        {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"schwabot\"");
            assertThat(Json.object(response.body())).containsEntry("accepted", false);
        }
        assertThat(engine.counters().value(EngineCounter.ADMIN_COMMANDS)).isEqualTo(adminBefore);
        assertThat(engine.counters().value(EngineCounter.HALTS)).isEqualTo(haltsBefore);
        assertThat(engine.core().status().halted()).isFalse();
        final List<String> all = Files.readAllLines(auditLog);
        final List<String> audit = all.subList(before, all.size()); // other tests of this engine audit too
        assertThat(audit).hasSize(3).allSatisfy((line) -> assertThat(Json.object(line))
            .containsEntry("outcome", "refused").containsEntry("status", 401.0)
            .hasEntrySatisfying("remote", (r) -> assertThat((String)r).startsWith("127.0.0.1:")));
        assertThat(audit).extracting((line) -> Json.object(line).get("detail"))
            .containsExactly("missing bearer token", "wrong bearer token", "wrong bearer token");
        assertThat(String.join("\n", audit)).doesNotContain("wrong-token", RunningEngine.TOKEN, "Bearer");
    }
}
