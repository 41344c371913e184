using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NodaTime;
using NodaTime.Testing;
using OutOfDark;
using OutOfDark.Comparison;
using OutOfDark.Portfolio;
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

    [Fact]
    public async Task The_readme_portfolio_setup_rolls_the_childs_open_critical_warning_up_to_its_parent()
    {
        IClock clock = FakeClock.FromUtc(2026, 10, 2, 9, 0, 0);
        var ana = new Actor("ana");
        var workspaceId = WorkspaceId.New();
        var company = Journey.Create(ana, workspaceId, "Company", clock);
        var journey = Journey.Create(ana, workspaceId, "Online store", clock);
        var phases = journey.AddPhases(ana, PhaseTemplate.SeeThinkDoCare);
        var email = journey.AddActivity(ana, phases[0], "Newsletter", ActivityKind.Touchpoint,
            ActivityDetails.Empty with { Owner = "Marketing", Status = ActivityStatus.Active });
        var openRate = journey.AddWidget(ana, email, new MetricWidget("Open rate")
        {
            Unit = "%", Kind = MetricKind.Percentage, Target = 25, WarningThreshold = 18, CriticalThreshold = 12,
        });
        journey.RecordObservation(new Actor("crm-sync"), openRate, new LocalDate(2026, 10, 2), 11m);
        var store = new InMemoryJourneyStore(clock);
        await store.SaveAsync(company);
        var engine = new WarningEngine(journey, clock, RuleRegistry.WithBuiltIns(), WarningSettings.Default);
        await store.CommitAsync(journey, engine);

        // README: journeys nest in a portfolio
        await store.WorkspaceWarnings.ApplyAsync(new WorkspaceWarningProjector(engine).ProjectAll(clock.GetCurrentInstant()));
        var portfolio = new JourneyPortfolio(store);
        await portfolio.SetParentAsync(workspaceId, journey.Id, company.Id, ana);
        var rollup = await portfolio.RollUpAsync(workspaceId);

        var subtree = rollup.Find(company.Id)!.Subtree;
        Assert.Equal(1, subtree.OpenCritical);
        Assert.Equal(0, rollup.Find(company.Id)!.Own.OpenCritical);
        Assert.Equal(1, subtree.JourneysWithHealth);
        Assert.Equal(1, rollup.Workspace.OpenCritical);
    }

    [Fact]
    public void Rollup_totals_print_their_figures_and_kpi_groups_not_a_collection_type_name()
    {
        var totals = new RollupTotals(2, 1, 71.5m, 71.5m, null, 1, 2, 0,
            [new KpiRollup("Open rate", "%", MetricKind.Percentage, MetricDirection.HigherIsBetter, 2, 1, 0, 0, 0, 0, 1, null, 11m, new LocalDate(2026, 10, 2), new LocalDate(2026, 10, 2))]);

        var text = totals.ToString();

        Assert.DoesNotContain("System.Collections", text, System.StringComparison.Ordinal);
        Assert.Contains("2 journeys (1 with health)", text, System.StringComparison.Ordinal);
        Assert.Contains("mean health 71.5", text, System.StringComparison.Ordinal);
        Assert.Contains("1 critical / 2 warning / 0 info", text, System.StringComparison.Ordinal);
        Assert.Contains("Open rate (%) ×2", text, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_readme_comparison_snippet_compiles_with_its_using_and_prints_a_diff()
    {
        IClock clock = FakeClock.FromUtc(2026, 10, 2, 9, 0, 0);
        var ana = new Actor("ana");
        var workspaceId = WorkspaceId.New();
        var asIs = Journey.Create(ana, workspaceId, "Returns today", clock);
        var returns = asIs.AddActivity(ana, asIs.AddPhase(ana, "Return"), "Return by post");
        var toBe = Journey.Create(ana, workspaceId, "Returns 2027", clock);
        var selfServiceReturns = toBe.AddActivity(ana, toBe.AddPhase(ana, "Return"), "Self-service return");

        // README: as-is and to-be
        toBe.PairWith(ana, asIs.Id);
        toBe.MatchActivity(ana, selfServiceReturns, returns);
        var comparison = JourneyComparison.Compare(asIs, toBe);

        Assert.Contains("Self-service return", comparison.ToDiffText(), System.StringComparison.Ordinal);
    }
}
