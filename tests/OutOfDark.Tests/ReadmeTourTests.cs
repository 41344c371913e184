using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NodaTime;
using NodaTime.Testing;
using OutOfDark;
using OutOfDark.Warnings;
using Xunit;
using static OutOfDark.Tests.Warnings.ReadmeExampleTests;

namespace OutOfDark.Tests;

/// <summary>The README's tour and Warnings-view code, kept compiling and true, with what it prints.</summary>
public class ReadmeTourTests
{
    private sealed class FixedCounts(int open) : ICaseCounts
    {
        public int OpenFor(ActivityId activity) => open;
    }

    [Fact]
    public async Task The_readme_tour_runs_and_prints_what_the_readme_says()
    {
        var console = new StringWriter();
        IClock clock = FakeClock.FromUtc(2026, 10, 2, 9, 0, 0);
        var crmCases = new FixedCounts(3);

        // README: a tour of the API
        var ana = new Actor("ana");
        var journey = Journey.Create(ana, WorkspaceId.New(), "Online store", clock);
        var phases = journey.AddPhases(ana, PhaseTemplate.SeeThinkDoCare);
        var buyer = journey.AddPersona(ana, "First-time buyer");
        var email = journey.AddActivity(ana, phases[0], "Newsletter", ActivityKind.Touchpoint,
            ActivityDetails.Empty with { Owner = "Marketing", Status = ActivityStatus.Active });
        var page = journey.AddActivity(ana, phases[1], "Product page");
        journey.AddFlow(ana, email, page, "clicks through");
        var openRate = journey.AddWidget(ana, email, new MetricWidget("Open rate")
        {
            Unit = "%", Kind = MetricKind.Percentage, Target = 25, WarningThreshold = 18, CriticalThreshold = 12,
        });
        journey.RecordObservation(new Actor("crm-sync"), openRate, new LocalDate(2026, 10, 1), 21.5m);
        journey.AddWidget(ana, email, new EmotionWidget("Inbox", buyer,
            AsIs: EmotionScore.Negative, ToBe: EmotionScore.Positive, Note: "Too many mails"));
        var refused = Assert.Throws<JourneyRuleException>(() => journey.MoveActivity(ana, email, phases[0], parentId: email));
        Assert.Equal("map-cycle", refused.Rule);

        var store = new InMemoryJourneyStore(clock);
        await store.SaveAsync(journey);
        var history = await store.ReadHistoryAsync(journey);
        foreach (var entry in history.ForActivity(email))
        {
            console.WriteLine(entry);
        }

        Journey asOfThree = history.AsOf(version: 3);
        console.WriteLine(history.Diff(1, history.Version));

        Assert.Equal(3, asOfThree.Version);
        Assert.Contains("ana: Added touchpoint \"Newsletter\" to phase \"See\"", console.ToString());
        Assert.Contains("crm-sync: Recorded 21.5 % for metric \"Open rate\" on 2026-10-01", console.ToString());
        Assert.Contains("2 activities added", console.ToString());

        // README: the Warnings view
        var rules = RuleRegistry.WithBuiltIns().Add(new OpenCasesRule(crmCases));
        var hostDefaults = WarningSettings.Default
            .With(StaleMetricRule.RuleId, new StaleMetricSettings { Days = 14 });
        journey.SetActivityRuleSettings(ana, email, NoOwnerRule.RuleId, new NoOwnerSettings { AcceptTeam = true },
            "the email team owns it");
        var engine = new WarningEngine(journey, clock, rules, hostDefaults);

        journey.RecordObservation(new Actor("crm-sync"), openRate, new LocalDate(2026, 10, 2), 11m);
        engine.Refresh();

        var lines = engine.View(WarningQuery.NeedsAttention)
            .Select(item => item.ToString())
            .ToList();
        journey.AcknowledgeWarning(ana, engine.View()[0].Key, "Subject line A/B test running");
        engine.Refresh();

        Assert.Equal("Critical · Newsletter · Open rate fell to 11 % — critical threshold 12 %, 1 observation below since 2026-10-02 (Open)", lines[0]);
        Assert.Equal(WarningState.Acknowledged, engine.View()[0].State);
        Assert.DoesNotContain(lines, l => l.Contains("open cases", System.StringComparison.Ordinal));
        Assert.Equal(SettingsLayer.Activity, engine.EffectiveSettings(NoOwnerRule.RuleId, WarningSubject.For(email)).Layer);
    }
}
