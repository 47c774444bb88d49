package com.schwabot.config;

/**
 * The {@code monitoring} section of config.yaml: the loopback HTTP server and alert thresholds.
 *
 * @param httpHost         listen address; loopback by default.
 * @param httpPort         listen port; 0 picks a free port.
 * @param statusIntervalMs how often the one-line status is printed and the status view refreshed.
 * @param adminTokenName   name of the api_keys.yaml entry holding the admin bearer token (a plain secret, added with
 *                         {@code schwabot keys add NAME} and no venue); {@code SCHWABOT_ADMIN_TOKEN} overrides it.
 * @param alerts           alert thresholds.
 */
public record MonitoringConfig(
    String httpHost, int httpPort, long statusIntervalMs, String adminTokenName, Alerts alerts)
{
    /**
     * Alert thresholds.
     *
     * @param maxDrawdownBps    alert when drawdown from the equity peak exceeds this.
     * @param maxRejectRateBps  alert when the share of rejected orders exceeds this.
     * @param maxP99LatencyUs   alert when the p99 ingress-to-order latency exceeds this.
     * @param staleFeedMs       alert when a feed has been silent this long.
     * @param minFreeDiskMb     alert when free disk space falls below this.
     */
    public record Alerts(
        int maxDrawdownBps, int maxRejectRateBps, long maxP99LatencyUs, long staleFeedMs, long minFreeDiskMb)
    {
        static Alerts read(final Section s)
        {
            final Alerts config = new Alerts(
                s.intValue("max_drawdown_bps", 1, 10_000),
                s.intValue("max_reject_rate_bps", 1, 10_000),
                s.longValue("max_p99_latency_us", 1, 60_000_000),
                s.longValue("stale_feed_ms", 1, 3_600_000),
                s.longValue("min_free_disk_mb", 0, 100_000_000));
            s.finish();
            return config;
        }
    }

    static MonitoringConfig read(final Section s)
    {
        final MonitoringConfig config = new MonitoringConfig(
            s.string("http_host"),
            s.intValue("http_port", 0, 65_535),
            s.longValue("status_interval_ms", 100, 3_600_000),
            s.matching("admin_token_name", "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}", "an api_keys.yaml entry name: letters, " +
                "digits, '_', '.' and '-'"),
            Alerts.read(s.section("alerts")));
        s.finish();
        return config;
    }
}
