using System.Collections.Generic;
using NodaTime;
using OutOfDark.Testing;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Tests.Warnings;

/// <summary>The README's Warnings-view and custom-rule examples, kept compiling and true.</summary>
public class ReadmeExampleTests
{
    public interface ICaseCounts
    {
        int OpenFor(ActivityId activity);
    }

    public sealed record OpenCasesSettings : RuleSettings
    {
        public int MaxOpenCases { get; init; } = 10;
    }

    public sealed class OpenCasesRule(ICaseCounts cases) : WarningRule<OpenCasesSettings>(
        new RuleId("crm.open-cases"), "Too many open cases", SubjectKind.Activity, WarningSeverity.Critical, new OpenCasesSettings())
    {
        protected override RuleResult Evaluate(in RuleContext context, OpenCasesSettings settings)
        {
            var open = cases.OpenFor(context.Activity!.Id);
            return open > settings.MaxOpenCases
                ? context.Raise(WarningSeverity.Critical, $"{open} open cases — limit {settings.MaxOpenCases}", WarningEvidence.Of("open cases", open))
                : RuleResult.None;
        }
    }

    private sealed class FixedCounts(int open) : ICaseCounts
    {
        public int OpenFor(ActivityId activity) => open;
    }

    [Fact]
    public void The_readme_example_shows_the_warnings_view_and_a_custom_rule()
    {
        var clock = FakeClock.At(2026, 10, 10);
        var journey = Journey.Create(new Actor("ana"), WorkspaceId.New(), "Online store", clock);
        var see = journey.AddPhase(new Actor("ana"), "See");
        var newsletter = journey.AddActivity(new Actor("ana"), see, "Newsletter", details: ActivityDetails.Empty with { Owner = "ana", Team = "CRM", Status = ActivityStatus.Active });
        var openRate = journey.AddWidget(new Actor("ana"), newsletter, new MetricWidget(WidgetId.New(), "Open rate") { Unit = "%", Kind = MetricKind.Percentage, Target = 25, WarningThreshold = 18, CriticalThreshold = 12 });
        var lines = new List<string>();

        // README: the Warnings view
        var rules = RuleRegistry.WithBuiltIns().Add(new OpenCasesRule(new FixedCounts(14)));
        var settings = WarningSettings.Default.With(StaleMetricRule.RuleId, new StaleMetricSettings { Days = 14 });
        var engine = new WarningEngine(journey, clock, rules, settings);

        journey.RecordObservation(new Actor("crm-sync"), openRate, new LocalDate(2026, 10, 9), 12m);
        engine.Refresh();

        foreach (var item in engine.View(WarningQuery.NeedsAttention with { Team = "CRM" }))
        {
            lines.Add($"{item.Severity} · {item.SubjectName} · {item.Warning.Message} ({item.State})");
        }

        journey.AcknowledgeWarning(new Actor("ana"), engine.View()[0].Key, "Subject line A/B test running");

        Assert.Equal(
        [
            "Critical · Newsletter · 14 open cases — limit 10 (Open)",
            "Warning · Newsletter · Open rate fell to 12 % — warning threshold 18 %, 1 observation below since 2026-10-09 (Open)",
        ],
        lines);
        Assert.Equal(WarningState.Acknowledged, engine.View()[0].State);
        Assert.Equal("crm.open-cases", engine.View()[0].Key.Rule.Value);
        Assert.DoesNotContain(engine.View(), i => i.Key.Rule == EmptyPhaseRule.RuleId);
    }
}
