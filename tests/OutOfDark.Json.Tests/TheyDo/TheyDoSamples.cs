using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using NodaTime.Testing;
using OutOfDark.Json.TheyDo;
using Xunit;

namespace OutOfDark.Json.Tests.TheyDo;

/// <summary>
/// What the TheyDo tests share: the sample files, the "Returns" journey they import into (phase Care, activity Refund,
/// today 2026-10-01) and the five metrics the samples' import keys feed.
/// </summary>
internal static class TheyDoSamples
{
    /// <summary>Who imports.</summary>
    public static readonly Actor Crm = new("theydo-sync");

    /// <summary>The import keys of metrics.json, in file order.</summary>
    public static readonly string[] MetricKeys = ["returns-csat", "store-nps", "checkout-effort", "returns-per-day", "refund-rate"];

    /// <summary>A sample file's bytes (tests/OutOfDark.Json.Tests/TheyDo/Samples).</summary>
    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TheyDo", "Samples", name));

    /// <summary>A sample metrics file, read.</summary>
    public static TheyDoMetricsFile Metrics(string name = "metrics.json") => TheyDoJson.ReadMetrics(Bytes(name));

    /// <summary>A sample opportunities file, read.</summary>
    public static TheyDoOpportunitiesFile Opportunities(string name = "opportunities.json") => TheyDoJson.ReadOpportunities(Bytes(name));

    /// <summary>The empty "Returns" journey: phase Care holding activity Refund.</summary>
    public static Journey ReturnsJourney(out PhaseId care, out ActivityId refund)
    {
        var journey = OutOfDark.Journey.Create(Crm, WorkspaceId.New(), "Returns", FakeClock.FromUtc(2026, 10, 1, 9, 0, 0));
        care = journey.AddPhase(Crm, "Care");
        refund = journey.AddActivity(Crm, care, "Refund");
        return journey;
    }

    /// <summary>
    /// The metric each import key of metrics.json feeds, each placed by <paramref name="place"/> (on the activity, the
    /// phase or the journey): a CSAT (%), an NPS (points), a CES (score, lower is better), a count (returns) and a ratio
    /// (target 0.9).
    /// </summary>
    public static Dictionary<string, WidgetId> Targets(Func<string, MetricWidget, WidgetId> place) => new()
    {
        ["returns-csat"] = place("returns-csat", new MetricWidget("Returns CSAT") { Unit = "%", Kind = MetricKind.Csat }),
        ["store-nps"] = place("store-nps", new MetricWidget("NPS") { Unit = "points", Kind = MetricKind.Nps }),
        ["checkout-effort"] = place("checkout-effort", new MetricWidget("Effort") { Unit = "score", Kind = MetricKind.Ces, Direction = MetricDirection.LowerIsBetter }),
        ["returns-per-day"] = place("returns-per-day", new MetricWidget("Returns per day") { Unit = "returns" }),
        ["refund-rate"] = place("refund-rate", new MetricWidget("Refund rate") { Unit = "ratio", Kind = MetricKind.Ratio, Target = 0.9m }),
    };

    /// <summary>Asserts that a written file is valid against OutOfDark's schema of TheyDo's metrics file.</summary>
    public static void AssertValidMetrics(byte[] json) => AssertValid(TheyDoSchemas.ReadMetricsSchema(), json);

    /// <summary>Asserts that a written file is valid against OutOfDark's schema of TheyDo's opportunities file.</summary>
    public static void AssertValidOpportunities(byte[] json) => AssertValid(TheyDoSchemas.ReadOpportunitiesSchema(), json);

    private static void AssertValid(string schema, byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        Assert.Empty(new SchemaValidator(schema).Validate(document.RootElement));
    }
}
