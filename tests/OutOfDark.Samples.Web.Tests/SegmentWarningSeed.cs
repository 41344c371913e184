using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using OutOfDark.Samples.OnlineStore;
using OutOfDark.Samples.Web.Hosting;
using OutOfDark.Warnings;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>
/// Two per-segment warnings on one metric of the sample journey: a metric "Repeat rate by region" on its first activity,
/// below its warning threshold (70 %) for region DE and region FR, with the threshold rule split by region.
/// </summary>
internal static class SegmentWarningSeed
{
    public const string Metric = "Repeat rate by region";

    public static Task<long> AddAsync(System.IServiceProvider services) =>
        services.GetRequiredService<IJourneyAccess>().ExecuteAsync(OnlineStoreJourney.Id, null, new SeedCommand(new Actor("test")), CancellationToken.None);

    private sealed record SeedCommand(Actor Actor) : JourneyCommand(Actor)
    {
        public override IReadOnlyCollection<CommandSubject> SubjectsIn(Journey seen) => [];

        public override void ApplyTo(Journey journey)
        {
            var activity = journey.Activities.First().Id;
            var metric = journey.AddWidget(Actor, activity, new MetricWidget(WidgetId.New(), Metric) { Unit = "%", WarningThreshold = 70 });
            journey.RecordObservation(Actor, metric, Segment.Of(("region", "DE")), new Observation(new LocalDate(2026, 4, 4), 60m));
            journey.RecordObservation(Actor, metric, Segment.Of(("region", "FR")), new Observation(new LocalDate(2026, 4, 4), 65m));
            journey.SetRuleSettings(Actor, MetricThresholdRule.RuleId, new MetricThresholdSettings { SplitBy = SegmentSplit.Dimensions, SplitKeys = ValueList<string>.Of("region") });
        }
    }
}
