using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Warnings;

namespace OutOfDark.Testing;

/// <summary>
/// One generated command on a journey. Steps refer to existing elements by <em>picks</em> — numbers resolved against
/// the journey as it is when the step runs — so any sequence of steps can run on any journey. Some steps are refused by
/// the journey (a cycle, a duplicate date, an out-of-range value): that is part of what they test.
/// </summary>
public abstract record JourneyStep
{
    /// <summary>The actor generated steps act as.</summary>
    public static readonly Actor Actor = new("generated");

    /// <summary>Runs the step.</summary>
    /// <param name="journey">The journey.</param>
    /// <param name="clock">The journey's clock, for steps that move time.</param>
    /// <returns><see langword="false"/> when the step found nothing to act on and did nothing.</returns>
    /// <exception cref="JourneyRuleException">The journey refused the command.</exception>
    public abstract bool Run(Journey journey, FakeClock clock);

    /// <summary>Resolves a pick against a list.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="items">The list.</param>
    /// <param name="pick">The pick.</param>
    /// <returns>The element, or <see langword="default"/> when the list is empty.</returns>
    protected static T? Pick<T>(IReadOnlyList<T> items, int pick) =>
        items.Count == 0 ? default : items[(int)((uint)pick % (uint)items.Count)];

    /// <summary>All widgets of the journey: the activities' in map order, then the journey's metrics and each phase's.</summary>
    /// <param name="journey">The journey.</param>
    /// <returns>The widgets.</returns>
    protected static List<Widget> Widgets(Journey journey) =>
        journey.Activities.SelectMany(a => a.Widgets)
            .Concat(journey.Metrics)
            .Concat(journey.Phases.SelectMany(p => p.Metrics))
            .ToList();
}

/// <summary>Renames the journey.</summary>
/// <param name="Name">The new name.</param>
public sealed record RenameJourneyStep(string Name) : JourneyStep
{
    /// <inheritdoc />
    public override bool Run(Journey journey, FakeClock clock)
    {
        journey.Rename(Actor, Name, reason: "generated rename");
        return true;
    }
}

/// <summary>Moves the clock forward.</summary>
/// <param name="Minutes">How far, in minutes.</param>
public sealed record AdvanceClockStep(int Minutes) : JourneyStep
{
    /// <inheritdoc />
    public override bool Run(Journey journey, FakeClock clock)
    {
        clock.Advance(Duration.FromMinutes(Minutes));
        return true;
    }
}

/// <summary>Adds a phase.</summary>
/// <param name="Id">The phase's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Goal">Its customer goal.</param>
/// <param name="PositionPick">Where to insert it.</param>
public sealed record AddPhaseStep(Guid Id, string Name, string? Goal, int PositionPick) : JourneyStep
{
    /// <inheritdoc />
    public override bool Run(Journey journey, FakeClock clock)
    {
        journey.AddPhase(Actor, Name, Goal, (int)((uint)PositionPick % (uint)(journey.Phases.Count + 1)), new PhaseId(Id));
        return true;
    }
}

/// <summary>Changes a phase's name and goal.</summary>
/// <param name="PhasePick">Which phase.</param>
/// <param name="Name">The new name.</param>
/// <param name="Goal">The new goal.</param>
public sealed record ChangePhaseStep(int PhasePick, string Name, string? Goal) : JourneyStep
{
    /// <inheritdoc />
    public override bool Run(Journey journey, FakeClock clock)
    {
        if (Pick(journey.Phases, PhasePick) is not { } phase)
        {
            return false;
        }

        journey.ChangePhase(Actor, phase.Id, Name, Goal);
        return true;
    }
}

/// <summary>Moves a phase.</summary>
/// <param name="PhasePick">Which phase.</param>
/// <param name="PositionPick">Where to.</param>
public sealed record MovePhaseStep(int PhasePick, int PositionPick) : JourneyStep
{
    /// <inheritdoc />
    public override bool Run(Journey journey, FakeClock clock)
    {
        if (Pick(journey.Phases, PhasePick) is not { } phase)
        {
            return false;
        }

        journey.MovePhase(Actor, phase.Id, (int)((uint)PositionPick % (uint)journey.Phases.Count));
        return true;
    }
}

/// <summary>Removes a phase (refused while it holds activities).</summary>
/// <param name="PhasePick">Which phase.</param>
public sealed record RemovePhaseStep(int PhasePick) : JourneyStep
{
    /// <inheritdoc />
    public override bool Run(Journey journey, FakeClock clock)
    {
        if (Pick(journey.Phases, PhasePick) is not { } phase)
        {
            return false;
        }

        journey.RemovePhase(Actor, phase.Id);
        return true;
    }
}

/// <summary>Adds a persona.</summary>
/// <param name="Id">The persona's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Description">Its description.</param>
public sealed record AddPersonaStep(Guid Id, string Name, string? Description) : JourneyStep
{
    /// <inheritdoc />
    public override bool Run(Journey journey, FakeClock clock)
    {
        journey.AddPersona(Actor, Name, Description, new PersonaId(Id));
        return true;
    }
}

/// <summary>Moves a persona to another place in the journey's list of personas.</summary>
/// <param name="PersonaPick">Which persona.</param>
/// <param name="PositionPick">Where to, resolved against the number of personas.</param>
public sealed record MovePersonaStep(int PersonaPick, int PositionPick) : JourneyStep
{
    /// <inheritdoc />
    public override bool Run(Journey journey, FakeClock clock)
    {
        if (Pick(journey.Personas, PersonaPick) is not { } persona)
        {
            return false;
        }

        journey.MovePersona(Actor, persona.Id, (int)((uint)PositionPick % (uint)journey.Personas.Count));
        return true;
    }
}

/// <summary>Removes a persona (refused while an emotion widget uses it).</summary>
/// <param name="PersonaPick">Which persona.</param>
public sealed record RemovePersonaStep(int PersonaPick) : JourneyStep
{
    /// <inheritdoc />
    public override bool Run(Journey journey, FakeClock clock)
    {
        if (Pick(journey.Personas, PersonaPick) is not { } persona)
        {
            return false;
        }

        journey.RemovePersona(Actor, persona.Id);
        return true;
    }
}

/// <summary>Adds an activity to a phase, at the top level or under an existing activity.</summary>
/// <param name="Id">The activity's id.</param>
/// <param name="ReuseIdPick">When set, reuse an existing activity's id instead (refused as a duplicate).</param>
/// <param name="PhasePick">Which phase.</param>
/// <param name="ParentPick">Which parent; negative for the top level.</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Details">Its details.</param>
public sealed record AddActivityStep(Guid Id, int? ReuseIdPick, int PhasePick, int ParentPick, string Name, ActivityKind Kind, ActivityDetails Details) : JourneyStep
{
    /// <inheritdoc />
    public override bool Run(Journey journey, FakeClock clock)
    {
        if (Pick(journey.Phases, PhasePick) is not { } phase)
        {
            return false;
        }

        var activities = journey.Activities;
        var parent = ParentPick < 0 ? null : Pick(activities, ParentPick);
        var id = ReuseIdPick is { } reuse && Pick(activities, reuse) is { } taken ? taken.Id : new ActivityId(Id);

        // A child lives in its parent's phase.
        journey.AddActivity(Actor, parent?.PhaseId ?? phase.Id, Name, Kind, Details, parent?.Id, id);
        return true;
    }
}

/// <summary>Changes an activity's name, kind and details.</summary>
/// <param name="ActivityPick">Which activity.</param>
/// <param name="Name">The new name.</param>
/// <param name="Kind">The new kind.</param>
/// <param name="Details">The new details.</param>
public sealed record ChangeActivityStep(int ActivityPick, string Name, ActivityKind Kind, ActivityDetails Details) : JourneyStep
{
    /// <inheritdoc />
    public override bool Run(Journey journey, FakeClock clock)
    {
        if (Pick(journey.Activities, ActivityPick) is not { } activity)
        {
            return false;
        }

        journey.ChangeActivity(Actor, activity.Id, Name, Kind, Details, reason: "generated change");
        return true;
    }
}

/// <summary>Moves an activity to a phase and under a parent (possibly its own descendant: refused); under a parent, to the parent's phase.</summary>
/// <param name="ActivityPick">Which activity.</param>
/// <param name="PhasePick">Which phase.</param>
/// <param name="ParentPick">Which parent; negative for the top level.</param>
public sealed record MoveActivityStep(int ActivityPick, int PhasePick, int ParentPick) : JourneyStep
{
    /// <inheritdoc />
    public override bool Run(Journey journey, FakeClock clock)
    {
        var activities = journey.Activities;
        if (Pick(activities, ActivityPick) is not { } activity || Pick(journey.Phases, PhasePick) is not { } phase)
        {
            return false;
        }

        var parent = ParentPick < 0 ? null : Pick(activities, ParentPick);

        // A child lives in its parent's phase (a move to a parent in another phase is refused).
        journey.MoveActivity(Actor, activity.Id, parent?.PhaseId ?? phase.Id, parent?.Id);
        return true;
    }
}

/// <summary>Moves an activity to another place among its siblings (same parent, same phase).</summary>
/// <param name="ActivityPick">Which activity.</param>
/// <param name="PositionPick">Where to, resolved against its number of siblings.</param>
public sealed record ReorderActivityStep(int ActivityPick, int PositionPick) : JourneyStep
{
    /// <inheritdoc />
    public override bool Run(Journey journey, FakeClock clock)
    {
        if (Pick(journey.Activities, ActivityPick) is not { } activity)
        {
            return false;
        }

        journey.ReorderActivity(Actor, activity.Id, (int)((uint)PositionPick % (uint)journey.SiblingsOf(activity.Id).Count));
        return true;
    }
}

/// <summary>Removes an activity with its subtree.</summary>
/// <param name="ActivityPick">Which activity.</param>
public sealed record RemoveActivityStep(int ActivityPick) : JourneyStep
{
    /// <inheritdoc />
    public override bool Run(Journey journey, FakeClock clock)
    {
        if (Pick(journey.Activities, ActivityPick) is not { } activity)
        {
            return false;
        }

        journey.RemoveActivity(Actor, activity.Id);
        return true;
    }
}

/// <summary>Adds a flow between two activities (possibly the same one, or a duplicate: refused).</summary>
/// <param name="Id">The flow's id.</param>
/// <param name="FromPick">Which activity it leaves.</param>
/// <param name="ToPick">Which activity it reaches.</param>
/// <param name="Label">Its label.</param>
public sealed record AddFlowStep(Guid Id, int FromPick, int ToPick, string? Label) : JourneyStep
{
    /// <inheritdoc />
    public override bool Run(Journey journey, FakeClock clock)
    {
        var activities = journey.Activities;
        if (Pick(activities, FromPick) is not { } from || Pick(activities, ToPick) is not { } to)
        {
            return false;
        }

        journey.AddFlow(Actor, from.Id, to.Id, Label, new FlowId(Id));
        return true;
    }
}

/// <summary>Removes a flow.</summary>
/// <param name="FlowPick">Which flow.</param>
public sealed record RemoveFlowStep(int FlowPick) : JourneyStep
{
    /// <inheritdoc />
    public override bool Run(Journey journey, FakeClock clock)
    {
        if (Pick(journey.Flows, FlowPick) is not { } flow)
        {
            return false;
        }

        journey.RemoveFlow(Actor, flow.Id);
        return true;
    }
}

/// <summary>Adds a widget to an activity.</summary>
/// <param name="ActivityPick">Which activity.</param>
/// <param name="Seed">What widget to add.</param>
public sealed record AddWidgetStep(int ActivityPick, WidgetSeed Seed) : JourneyStep
{
    /// <inheritdoc />
    public override bool Run(Journey journey, FakeClock clock)
    {
        if (Pick(journey.Activities, ActivityPick) is not { } activity)
        {
            return false;
        }

        journey.AddWidget(Actor, activity.Id, Seed.Build(journey));
        return true;
    }
}

/// <summary>
/// Adds a metric widget to an activity that already has one when there is such an activity (otherwise to any), so that
/// activities come to have several KPIs to warn about.
/// </summary>
/// <param name="ActivityPick">Which activity, among those with a metric when any has one.</param>
/// <param name="Seed">The metric: the seed's id, title and metric shape (its widget kind is ignored).</param>
public sealed record AddMetricStep(int ActivityPick, WidgetSeed Seed) : JourneyStep
{
    /// <inheritdoc />
    public override bool Run(Journey journey, FakeClock clock)
    {
        var withMetrics = journey.Activities.Where(a => a.Widgets.Any(w => w is MetricWidget)).ToList();
        if (Pick(withMetrics.Count > 0 ? withMetrics : journey.Activities, ActivityPick) is not { } activity)
        {
            return false;
        }

        journey.AddWidget(Actor, activity.Id, Seed.Metric.Build(new WidgetId(Seed.Id), Seed.Title));
        return true;
    }
}

/// <summary>
/// Adds a metric (a KPI) to the journey itself or to a phase, now and then at a position past the end (refused), or
/// with an id already in use (refused).
/// </summary>
/// <param name="PhasePick">Which phase; every third pick the journey itself.</param>
/// <param name="PositionPick">Where in the list; past the end now and then.</param>
/// <param name="Seed">The metric: the seed's id, title and metric shape (its widget kind is ignored).</param>
public sealed record AddKpiStep(int PhasePick, int PositionPick, WidgetSeed Seed) : JourneyStep
{
    /// <inheritdoc />
    public override bool Run(Journey journey, FakeClock clock)
    {
        var metric = Seed.Metric.Build(new WidgetId(Seed.Id), Seed.Title);
        if (PhasePick % 3 == 0 || journey.Phases.Count == 0)
        {
            journey.AddJourneyMetric(Actor, metric, Position(journey.Metrics.Count));
        }
        else
        {
            var phase = Pick(journey.Phases, PhasePick)!;
            journey.AddPhaseMetric(Actor, phase.Id, metric, Position(phase.Metrics.Count));
        }

        return true;
    }

    private int? Position(int count) => PositionPick % 7 == 0 ? null : (int)((uint)PositionPick % (uint)(count + (PositionPick % 11 == 0 ? 2 : 1)));
}

/// <summary>Replaces a widget's content with content of the same kind built from a seed, keeping its id.</summary>
/// <param name="WidgetPick">Which widget.</param>
/// <param name="Title">The new title.</param>
/// <param name="Target">For a metric, the new target (may contradict its thresholds: refused).</param>
public sealed record ChangeWidgetStep(int WidgetPick, string Title, decimal? Target) : JourneyStep
{
    /// <inheritdoc />
    public override bool Run(Journey journey, FakeClock clock)
    {
        if (Pick(Widgets(journey), WidgetPick) is not { } widget)
        {
            return false;
        }

        journey.ChangeWidget(Actor, widget is MetricWidget metric ? metric with { Title = Title, Target = Target } : widget with { Title = Title });
        return true;
    }
}

/// <summary>Moves a widget within its activity.</summary>
/// <param name="WidgetPick">Which widget.</param>
/// <param name="PositionPick">Where to.</param>
public sealed record MoveWidgetStep(int WidgetPick, int PositionPick) : JourneyStep
{
    /// <inheritdoc />
    public override bool Run(Journey journey, FakeClock clock)
    {
        if (Pick(Widgets(journey), WidgetPick) is not { } widget)
        {
            return false;
        }

        var count = journey.FindWidget(widget.Id, out var activity) is not null ? activity!.Widgets.Count
            : journey.FindKpi(widget.Id, out var phase) is not null && phase is { } p ? journey.GetPhase(p).Metrics.Count
            : journey.Metrics.Count;
        journey.MoveWidget(Actor, widget.Id, (int)((uint)PositionPick % (uint)count));
        return true;
    }
}

/// <summary>Removes a widget.</summary>
/// <param name="WidgetPick">Which widget.</param>
public sealed record RemoveWidgetStep(int WidgetPick) : JourneyStep
{
    /// <inheritdoc />
    public override bool Run(Journey journey, FakeClock clock)
    {
        if (Pick(Widgets(journey), WidgetPick) is not { } widget)
        {
            return false;
        }

        journey.RemoveWidget(Actor, widget.Id);
        return true;
    }
}

/// <summary>Records, corrects or removes a metric's observation; picks any widget (a non-metric is refused).</summary>
/// <param name="WidgetPick">Which widget.</param>
/// <param name="Day">The day, counted from 2026-01-01.</param>
/// <param name="Value">The value (may be out of the metric's range: refused).</param>
/// <param name="Operation">0 record, 1 correct, 2 remove.</param>
public sealed record ObservationStep(int WidgetPick, int Day, decimal Value, int Operation) : JourneyStep
{
    /// <summary>The first day observations are counted from.</summary>
    public static readonly LocalDate Origin = new(2026, 1, 1);

    /// <inheritdoc />
    public override bool Run(Journey journey, FakeClock clock)
    {
        var widgets = Widgets(journey);
        var metrics = widgets.OfType<MetricWidget>().ToList();
        if (Pick(metrics.Count > 0 && WidgetPick % 5 != 0 ? metrics.Cast<Widget>().ToList() : widgets, WidgetPick) is not { } widget)
        {
            return false;
        }

        var date = Origin.PlusDays(Day);
        switch (Operation)
        {
            case 1:
                journey.CorrectObservation(Actor, widget.Id, date, Value);
                break;
            case 2:
                journey.RemoveObservation(Actor, widget.Id, date);
                break;
            default:
                journey.RecordObservation(Actor, widget.Id, date, Value);
                break;
        }

        return true;
    }
}

/// <summary>Records feedback on a widget (a non-feedback widget is refused).</summary>
/// <param name="WidgetPick">Which widget.</param>
/// <param name="Entry">The feedback.</param>
public sealed record RecordFeedbackStep(int WidgetPick, FeedbackEntry Entry) : JourneyStep
{
    /// <inheritdoc />
    public override bool Run(Journey journey, FakeClock clock)
    {
        var widgets = Widgets(journey);
        var feedback = widgets.OfType<FeedbackWidget>().Cast<Widget>().ToList();
        if (Pick(feedback.Count > 0 && WidgetPick % 5 != 0 ? feedback : widgets, WidgetPick) is not { } widget)
        {
            return false;
        }

        journey.RecordFeedback(Actor, widget.Id, Entry);
        return true;
    }
}

/// <summary>Acknowledges, snoozes, resolves or reopens a warning on an activity, a phase or the journey.</summary>
/// <param name="Rule">The rule id text (possibly invalid: refused).</param>
/// <param name="SubjectPick">Which subject: activities first, then phases, then the journey.</param>
/// <param name="Handling">What to do.</param>
/// <param name="SnoozeMinutes">For a snooze, how long (zero or negative: refused).</param>
/// <param name="Note">The note.</param>
public sealed record HandleWarningStep(string Rule, int SubjectPick, WarningHandling Handling, int SnoozeMinutes, string? Note) : JourneyStep
{
    /// <inheritdoc />
    public override bool Run(Journey journey, FakeClock clock)
    {
        var subjects = journey.Activities.Select(a => WarningSubject.For(a.Id))
            .Concat(Widgets(journey).OfType<MetricWidget>().Select(m => WarningSubject.For(m.Id)))
            .Concat(journey.Phases.Select(p => WarningSubject.For(p.Id)))
            .Append(WarningSubject.For(journey.Id))
            .ToList();
        var subject = Pick(subjects, SubjectPick);
        if (!RuleId.IsValid(Rule))
        {
            throw new JourneyRuleException(JourneyRules.InvalidValue, $"'{Rule}' is not a valid rule id.");
        }

        var key = new WarningKey(new RuleId(Rule), subject);
        switch (Handling)
        {
            case WarningHandling.Acknowledged:
                journey.AcknowledgeWarning(Actor, key, Note);
                break;
            case WarningHandling.Snoozed:
                journey.SnoozeWarning(Actor, key, clock.GetCurrentInstant() + Duration.FromMinutes(SnoozeMinutes), Note);
                break;
            case WarningHandling.Resolved:
                journey.ResolveWarning(Actor, key, Note);
                break;
            default:
                journey.ReopenWarning(Actor, key, Note);
                break;
        }

        return true;
    }
}

/// <summary>
/// Sets or clears a rule's settings for the whole journey, one activity or one KPI: built-in rules with typed settings
/// (sometimes out of range, which the journey refuses) and a rule nobody registers, whose settings stay raw JSON.
/// </summary>
/// <param name="Rule">The rule's id.</param>
/// <param name="Level">0 for the whole journey, 1 for an activity, 2 for a KPI (a metric widget).</param>
/// <param name="TargetPick">The activity or metric, picked.</param>
/// <param name="Value">The rule's main setting (minimum run, days, percent …); 0 is out of range for most rules.</param>
/// <param name="Enabled">Whether the rule stays on.</param>
/// <param name="Clear">Whether to clear the settings instead of setting them.</param>
/// <param name="Reason">Why.</param>
public sealed record ChangeRuleSettingsStep(string Rule, int Level, int TargetPick, int Value, bool Enabled, bool Clear, string? Reason) : JourneyStep
{
    /// <summary>The rules the generator picks from.</summary>
    public static readonly string[] Rules = ["metric.threshold", "metric.stale", "metric.baseline", "activity.no-owner", "activity.not-updated", "phase.empty", "funnel.drop-off", "custom.rule", "metric.small-sample"];

    /// <summary>Which segments a metric rule's settings split by: none, every segment or those cut by region, by <see cref="Value"/>.</summary>
    private SegmentSplit SplitBy => (SegmentSplit)(Value % 3);

    private ValueList<string> SplitKeys => SplitBy == SegmentSplit.Dimensions ? ValueList<string>.Of("region") : ValueList<string>.Empty;

    /// <summary>The settings the step sets for its rule.</summary>
    /// <returns>The settings.</returns>
    public RuleSettings Settings() => Rule switch
    {
        "metric.threshold" => new MetricThresholdSettings { MinimumRun = Value, FlagOffTarget = Value % 2 == 0, ClearAfter = Value, ClearBand = Value * 0.5m, Enabled = Enabled, SplitBy = SplitBy, SplitKeys = SplitKeys },
        "metric.baseline" => new MetricBaselineSettings
        {
            BaselineDays = Value * 7,
            MinimumObservations = Value + 1,
            ChangePercent = Value % 3 == 0 ? null : Value * 5m,
            StandardDeviations = Value % 3 == 1 ? null : Value * 0.5m,
            Enabled = Enabled,
            SplitBy = SplitBy,
            SplitKeys = SplitKeys,
        },
        "metric.stale" => new StaleMetricSettings { Days = Value * 5, Enabled = Enabled, SplitBy = SplitBy, SplitKeys = SplitKeys },
        "metric.small-sample" => new SmallSampleSettings { MinimumAnswers = Value * 400, IncludeSegments = Value % 3 != 0, Enabled = Enabled },
        "activity.no-owner" => new NoOwnerSettings { AcceptTeam = Value % 2 == 0, Enabled = Enabled },
        "activity.not-updated" => new NotUpdatedSettings { Days = Value, Enabled = Enabled },
        "phase.empty" => new EmptyPhaseSettings { MinimumActivities = Value, Enabled = Enabled },
        "funnel.drop-off" => new FunnelDropOffSettings { MaxDropPercent = Value * 12.5m, MinimumVolume = Value, Enabled = Enabled },
        _ => new UnknownRuleSettings($"{{\"max\":{Value},\"enabled\":{(Enabled ? "true" : "false")}}}"),
    };

    /// <inheritdoc />
    public override bool Run(Journey journey, FakeClock clock)
    {
        var rule = new RuleId(Rule);
        switch (Level)
        {
            case 1:
                if (Pick(journey.Activities, TargetPick) is not { } activity)
                {
                    return false;
                }

                if (Clear)
                {
                    journey.ClearActivityRuleSettings(Actor, activity.Id, rule, Reason);
                }
                else
                {
                    journey.SetActivityRuleSettings(Actor, activity.Id, rule, Settings(), Reason);
                }

                return true;
            case 2:
                if (Pick(Widgets(journey).OfType<MetricWidget>().ToList(), TargetPick) is not { } metric)
                {
                    return false;
                }

                if (Clear)
                {
                    journey.ClearMetricRuleSettings(Actor, metric.Id, rule, Reason);
                }
                else
                {
                    journey.SetMetricRuleSettings(Actor, metric.Id, rule, Settings(), Reason);
                }

                return true;
            default:
                if (Clear)
                {
                    journey.ClearRuleSettings(Actor, rule, Reason);
                }
                else
                {
                    journey.SetRuleSettings(Actor, rule, Settings(), Reason);
                }

                return true;
        }
    }
}
