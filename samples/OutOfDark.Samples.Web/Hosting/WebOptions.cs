using System;
using Microsoft.Extensions.Configuration;
using NodaTime;
using NodaTime.Text;
using OutOfDark.Samples.OnlineStore;
using OutOfDark.Samples.Web.Warnings;

namespace OutOfDark.Samples.Web.Hosting;

/// <summary>The web sample's own settings, from the <c>OutOfDark</c> configuration section.</summary>
internal sealed record WebOptions
{
    /// <summary>Which store: <c>Sqlite</c> (default), <c>PostgreSql</c> or <c>InMemory</c>.</summary>
    public string Store { get; init; } = "Sqlite";

    /// <summary>The SQLite database file.</summary>
    public string SqlitePath { get; init; } = "outofdark-web.db";

    /// <summary>The PostgreSQL connection string.</summary>
    public string? PostgreSqlConnectionString { get; init; }

    /// <summary>Where the clock starts; the system clock when absent.</summary>
    public Instant? ClockStart { get; init; }

    /// <summary>Whether to store the online-store journey when the workspace has none.</summary>
    public bool Seed { get; init; } = true;

    /// <summary>The workspace the host serves.</summary>
    public WorkspaceId Workspace { get; init; } = OnlineStoreJourney.Workspace;

    /// <summary>How many loaded journeys the host keeps in memory (at least 1); the least recently used idle ones beyond it are dropped and reloaded when asked for again.</summary>
    public int OpenJourneys { get; init; } = 1000;

    /// <summary>The largest request body the host reads, in bytes (at least 1); a larger one answers 413. Commands are small JSON documents.</summary>
    public long MaxRequestBodySize { get; init; } = 1024 * 1024;

    /// <summary>The webhook settings (<c>OutOfDark:Webhook</c>); no webhook when its URL is absent.</summary>
    public WebhookOptions Webhook { get; init; } = new();

    public static WebOptions Read(IConfiguration section)
    {
        var options = new WebOptions();
        if (section["Store"] is { Length: > 0 } store)
        {
            options = options with { Store = store };
        }

        if (section["Sqlite:Path"] is { Length: > 0 } path)
        {
            options = options with { SqlitePath = path };
        }

        options = options with { PostgreSqlConnectionString = section["PostgreSql:ConnectionString"] };
        if (section["Clock:Start"] is { Length: > 0 } start)
        {
            var parsed = InstantPattern.ExtendedIso.Parse(start);
            options = options with
            {
                ClockStart = parsed.Success ? parsed.Value
                    : throw new StartupException($"Configuration key 'OutOfDark:Clock:Start' must be an ISO instant such as 2026-04-05T09:00:00Z; got '{start}'."),
            };
        }

        if (section["Seed"] is { Length: > 0 } seed)
        {
            options = options with
            {
                Seed = bool.TryParse(seed, out var value) ? value
                    : throw new StartupException($"Configuration key 'OutOfDark:Seed' must be true or false; got '{seed}'."),
            };
        }

        if (section["Workspace"] is { Length: > 0 } workspace)
        {
            options = options with
            {
                Workspace = WorkspaceId.TryParse(workspace, null, out var id) ? id
                    : throw new StartupException($"Configuration key 'OutOfDark:Workspace' must be a GUID; got '{workspace}'."),
            };
        }

        if (section["OpenJourneys"] is { Length: > 0 } open)
        {
            options = options with
            {
                OpenJourneys = int.TryParse(open, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) && count >= 1 ? count
                    : throw new StartupException($"Configuration key 'OutOfDark:OpenJourneys' must be a whole number of at least 1; got '{open}'."),
            };
        }

        if (section["MaxRequestBodySize"] is { Length: > 0 } limit)
        {
            options = options with
            {
                MaxRequestBodySize = long.TryParse(limit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var bytes) && bytes >= 1 ? bytes
                    : throw new StartupException($"Configuration key 'OutOfDark:MaxRequestBodySize' must be a whole number of bytes of at least 1; got '{limit}'."),
            };
        }

        return options with { Webhook = WebhookOptions.Read(section.GetSection("Webhook")) };
    }

    public IClock CreateClock() => ClockStart is { } start ? new RunningClock(start) : SystemClock.Instance;
}
