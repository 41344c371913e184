using NodaTime;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Tests.Warnings;

public class ActivityRuleTests
{
    private readonly RuleHarness _h = new(2026, 10, 10);

    [Fact]
    public void An_activity_changed_just_under_the_limit_ago_is_not_flagged_and_the_rule_says_when_it_will_be()
    {
        var email = _h.Activity("Newsletter");
        var changedAt = _h.Clock.Now;
        _h.Clock.Advance(Duration.FromDays(90) - Duration.Epsilon);

        var result = _h.Run(BuiltInRules.NotUpdated, email);

        Assert.Null(result.Warning);
        Assert.Equal(changedAt + Duration.FromDays(90), result.RecheckAt);
    }

    [Fact]
    public void An_activity_unchanged_for_the_limit_is_flagged()
    {
        var email = _h.Activity("Newsletter");
        _h.Clock.Advance(Duration.FromDays(90));

        var warning = _h.Run(BuiltInRules.NotUpdated, email).Warning!;

        Assert.Equal(WarningSeverity.Info, warning.Severity);
        Assert.Equal("'Newsletter' has not been updated since 2026-10-10 — limit 90 days", warning.Message);
        Assert.Null(_h.Run(BuiltInRules.NotUpdated, email, new NotUpdatedSettings { Days = 91 }).Warning);
    }

    [Fact]
    public void An_activity_without_owner_is_flagged_unless_retired_or_a_team_is_accepted()
    {
        var email = _h.Activity("Newsletter", details: ActivityDetails.Empty with { Team = "CRM" });
        var old = _h.Activity("Flyer", details: ActivityDetails.Empty with { Status = ActivityStatus.Retired });
        var owned = _h.Activity("Blog");

        Assert.Equal("'Newsletter' has no owner", _h.Run(BuiltInRules.NoOwner, email).Warning!.Message);
        Assert.Null(_h.Run(BuiltInRules.NoOwner, email, new NoOwnerSettings { AcceptTeam = true }).Warning);
        Assert.Null(_h.Run(BuiltInRules.NoOwner, old).Warning);
        Assert.Null(_h.Run(BuiltInRules.NoOwner, owned).Warning);
    }

    [Fact]
    public void A_touchpoint_without_a_metric_has_no_way_to_measure_success()
    {
        var blog = _h.Activity("Blog post");
        var sale = _h.Activity("First purchase", kind: ActivityKind.Milestone);

        Assert.Equal("Touchpoint 'Blog post' has no metric — there is no way to measure its success", _h.Run(BuiltInRules.NoMetric, blog).Warning!.Message);
        Assert.Null(_h.Run(BuiltInRules.NoMetric, sale).Warning);
        Assert.NotNull(_h.Run(BuiltInRules.NoMetric, sale, new NoMetricSettings { IncludeMilestones = true }).Warning);

        _h.Metric(blog, "Visits", null, null, null, kind: MetricKind.Count, unit: "visits");
        Assert.Null(_h.Run(BuiltInRules.NoMetric, blog).Warning);
    }

    [Fact]
    public void An_activity_ending_today_is_not_overdue_until_tomorrow_begins()
    {
        var launch = _h.Activity("Launch", details: ActivityDetails.Empty with { Owner = "ana", Status = ActivityStatus.Active, PlannedEnd = _h.Today });

        var result = _h.Run(BuiltInRules.Overdue, launch);

        Assert.Null(result.Warning);
        Assert.Equal(Instant.FromUtc(2026, 10, 11, 0, 0), result.RecheckAt);
    }

    [Fact]
    public void An_activity_past_its_planned_end_is_overdue_and_grace_days_push_it_back()
    {
        var launch = _h.Activity("Launch", details: ActivityDetails.Empty with { Owner = "ana", Status = ActivityStatus.Active, PlannedEnd = _h.Today.PlusDays(-1) });

        Assert.Equal("'Launch' was planned to end on 2026-10-09 and is still active", _h.Run(BuiltInRules.Overdue, launch).Warning!.Message);
        var graced = _h.Run(BuiltInRules.Overdue, launch, new OverdueSettings { GraceDays = 1 });
        Assert.Null(graced.Warning);
        Assert.Equal(Instant.FromUtc(2026, 10, 11, 0, 0), graced.RecheckAt);
    }

    [Fact]
    public void A_planned_activity_past_its_planned_start_is_overdue_until_it_goes_live()
    {
        var details = ActivityDetails.Empty with { Owner = "ana", PlannedStart = _h.Today.PlusDays(-1), PlannedEnd = _h.Today.PlusDays(5) };
        var launch = _h.Activity("Launch", details: details);

        var result = _h.Run(BuiltInRules.Overdue, launch);
        Assert.Equal("'Launch' was planned to start on 2026-10-09 and is still planned", result.Warning!.Message);
        Assert.Equal(Instant.FromUtc(2026, 10, 16, 0, 0), result.RecheckAt);

        _h.Journey.ChangeActivityDetails(new Actor("ana"), launch, d => d with { Status = ActivityStatus.Active });
        Assert.Null(_h.Run(BuiltInRules.Overdue, launch).Warning);
    }

    [Fact]
    public void A_negative_emotion_is_a_pain_point_and_neutral_is_not()
    {
        var returns = _h.Activity("Returns form");
        var form = _h.Activity("Contact form");
        _h.Emotion(returns, -1);
        _h.Emotion(form, 0);

        var warning = _h.Run(BuiltInRules.PainPoint, returns).Warning!;
        Assert.Equal("Pain point for 'First-time buyer': feels negative (-1) at 'Returns form'", warning.Message);
        Assert.Null(_h.Run(BuiltInRules.PainPoint, form).Warning);
        Assert.Null(_h.Run(BuiltInRules.PainPoint, returns, new PainPointSettings { Threshold = -2 }).Warning);
    }

    [Fact]
    public void Pain_points_of_several_personas_are_listed_together()
    {
        var returns = _h.Activity("Returns form");
        var loyal = _h.Journey.AddPersona(new Actor("ana"), "Loyal customer");
        _h.Emotion(returns, -1);
        _h.Emotion(returns, -2, persona: loyal);

        Assert.Equal(
            "Pain point for 2 personas at 'Returns form': 'First-time buyer' negative (-1), 'Loyal customer' very negative (-2)",
            _h.Run(BuiltInRules.PainPoint, returns).Warning!.Message);
    }

    [Fact]
    public void An_expectation_gap_above_the_limit_is_flagged()
    {
        var checkout = _h.Activity("Checkout");
        var page = _h.Activity("Product page");
        _h.Emotion(checkout, -1, toBe: 1);
        _h.Emotion(page, 0, toBe: 1);

        Assert.Equal(
            "Expectation gap of 2 for 'First-time buyer' at 'Checkout': feels negative (-1), should feel positive (+1) — limit 1",
            _h.Run(BuiltInRules.ExpectationGap, checkout).Warning!.Message);
        Assert.Null(_h.Run(BuiltInRules.ExpectationGap, page).Warning);
        Assert.Null(_h.Run(BuiltInRules.ExpectationGap, checkout, new ExpectationGapSettings { MaxGap = 2 }).Warning);
    }

    [Fact]
    public void A_drop_off_of_exactly_the_limit_is_accepted_and_one_customer_more_is_flagged()
    {
        var mail = _h.Activity("Newsletter");
        var page = _h.Activity("Landing page");
        _h.Journey.AddFlow(new Actor("ana"), mail, page);
        _h.Observe(_h.Metric(mail, "Recipients", null, null, null, kind: MetricKind.Count, unit: ""), _h.Today, 1000m);
        var visits = _h.Metric(page, "Visits", null, null, null, kind: MetricKind.Count, unit: "");
        _h.Observe(visits, _h.Today, 400m);

        Assert.Null(_h.Run(BuiltInRules.FunnelDropOff, page).Warning);

        _h.Journey.CorrectObservation(new Actor("ana"), visits, _h.Today, 399m);
        var warning = _h.Run(BuiltInRules.FunnelDropOff, page).Warning!;
        Assert.Equal("Only 399 of 1,000 customers go on from 'Newsletter' to 'Landing page' — drop-off 60.1 %, limit 60 %", warning.Message);
        Assert.Null(_h.Run(BuiltInRules.FunnelDropOff, page, new FunnelDropOffSettings { MinimumVolume = 1001 }).Warning);
    }

    [Fact]
    public void A_phase_without_activities_is_flagged()
    {
        _h.Activity("Newsletter", _h.See);

        Assert.Equal("Phase 'Think' has no activities", _h.Run(BuiltInRules.EmptyPhase, WarningSubject.For(_h.Think)).Warning!.Message);
        Assert.Null(_h.Run(BuiltInRules.EmptyPhase, WarningSubject.For(_h.See)).Warning);
        Assert.Equal(
            "Phase 'See' has only 1 activity — expected at least 2",
            _h.Run(BuiltInRules.EmptyPhase, WarningSubject.For(_h.See), new EmptyPhaseSettings { MinimumActivities = 2 }).Warning!.Message);
    }
}
