using System;
using System.Linq;
using NodaTime.Testing;
using OutOfDark.Warnings;

namespace OutOfDark.Testing;

/// <summary>Adds a lane of the journey's own; the id may be built-in, taken or invalid (refused).</summary>
/// <param name="Id">The lane id's text.</param>
/// <param name="Name">Its name.</param>
/// <param name="Order">Its order (now and then out of range: refused).</param>
public sealed record AddLaneStep(string Id, string Name, int Order) : JourneyStep
{
    /// <inheritdoc />
    public override bool Run(Journey journey, FakeClock clock)
    {
        journey.AddLane(Actor, new LaneId(Id), Name, Order);
        return true;
    }
}

/// <summary>Renames or reorders a lane, built-in ones included (refused).</summary>
/// <param name="LanePick">Which lane, among all the journey's lanes.</param>
/// <param name="Name">The new name.</param>
/// <param name="Order">The new order.</param>
public sealed record ChangeLaneStep(int LanePick, string Name, int Order) : JourneyStep
{
    /// <inheritdoc />
    public override bool Run(Journey journey, FakeClock clock)
    {
        journey.ChangeLane(Actor, Pick(journey.Lanes, LanePick)!.Id, Name, Order);
        return true;
    }
}

/// <summary>Removes a lane (refused for built-ins and lanes holding activities).</summary>
/// <param name="LanePick">Which lane, among all the journey's lanes.</param>
public sealed record RemoveLaneStep(int LanePick) : JourneyStep
{
    /// <inheritdoc />
    public override bool Run(Journey journey, FakeClock clock)
    {
        journey.RemoveLane(Actor, Pick(journey.Lanes, LanePick)!.Id);
        return true;
    }
}

/// <summary>Moves an activity to a lane; now and then to a lane the journey does not have (refused).</summary>
/// <param name="ActivityPick">Which activity.</param>
/// <param name="LanePick">Which lane; a negative pick names an unknown lane.</param>
public sealed record SetActivityLaneStep(int ActivityPick, int LanePick) : JourneyStep
{
    /// <inheritdoc />
    public override bool Run(Journey journey, FakeClock clock)
    {
        if (Pick(journey.Activities, ActivityPick) is not { } activity)
        {
            return false;
        }

        journey.SetActivityLane(Actor, activity.Id, LanePick < 0 ? new LaneId("no-such-lane") : Pick(journey.Lanes, LanePick)!.Id);
        return true;
    }
}

/// <summary>Adds an opportunity.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Title">Its title (possibly invalid: refused).</param>
/// <param name="Description">Its description.</param>
/// <param name="Owner">Its owner.</param>
/// <param name="Status">Its status.</param>
public sealed record AddOpportunityStep(Guid Id, string Title, string? Description, string? Owner, OpportunityStatus Status) : JourneyStep
{
    /// <inheritdoc />
    public override bool Run(Journey journey, FakeClock clock)
    {
        journey.AddOpportunity(Actor, Title, Description, Owner, Status, new OpportunityId(Id));
        return true;
    }
}

/// <summary>Changes an opportunity's title, description, owner and status.</summary>
/// <param name="OpportunityPick">Which opportunity.</param>
/// <param name="Title">The new title.</param>
/// <param name="Description">The new description.</param>
/// <param name="Owner">The new owner.</param>
/// <param name="Status">The new status.</param>
public sealed record ChangeOpportunityStep(int OpportunityPick, string Title, string? Description, string? Owner, OpportunityStatus Status) : JourneyStep
{
    /// <inheritdoc />
    public override bool Run(Journey journey, FakeClock clock)
    {
        if (Pick(journey.Opportunities, OpportunityPick) is not { } o)
        {
            return false;
        }

        journey.ChangeOpportunity(Actor, o.Id, Title, Description, Owner, Status);
        return true;
    }
}

/// <summary>Scores an opportunity (a score of 0 or 6 is out of range: refused), or clears its scores.</summary>
/// <param name="OpportunityPick">Which opportunity.</param>
/// <param name="CustomerValue">Customer value, 0–6.</param>
/// <param name="BusinessValue">Business value, 0–6.</param>
/// <param name="Effort">Effort, 0–6.</param>
/// <param name="Clear">Whether to clear the scores instead.</param>
public sealed record ScoreOpportunityStep(int OpportunityPick, int CustomerValue, int BusinessValue, int Effort, bool Clear) : JourneyStep
{
    /// <inheritdoc />
    public override bool Run(Journey journey, FakeClock clock)
    {
        if (Pick(journey.Opportunities, OpportunityPick) is not { } o)
        {
            return false;
        }

        journey.ScoreOpportunity(Actor, o.Id, Clear ? null : new OpportunityScores(CustomerValue, BusinessValue, Effort));
        return true;
    }
}

/// <summary>
/// Links an opportunity to an activity, a pain point, a feedback entry or a warning subject of the journey; now and then
/// to something the journey does not hold, or a widget of the wrong kind (refused).
/// </summary>
/// <param name="OpportunityPick">Which opportunity.</param>
/// <param name="Kind">What to link, 0–3 as <see cref="OpportunityLinkKind"/>.</param>
/// <param name="TargetPick">Which target of that kind; for pain points and feedback, among all widgets.</param>
/// <param name="Entry">For feedback, the entry's index (may be past the end: refused).</param>
/// <param name="Missing">Whether to name an id the journey does not hold.</param>
public sealed record LinkOpportunityStep(int OpportunityPick, int Kind, int TargetPick, int Entry, bool Missing) : JourneyStep
{
    /// <inheritdoc />
    public override bool Run(Journey journey, FakeClock clock)
    {
        if (Pick(journey.Opportunities, OpportunityPick) is not { } o)
        {
            return false;
        }

        var missing = new Guid(TargetPick, 0x0b1, 0x5ed, 1, 2, 3, 4, 5, 6, 7, 8);
        OpportunityLink? link = (OpportunityLinkKind)Kind switch
        {
            OpportunityLinkKind.Activity => Missing ? OpportunityLink.ToActivity(new ActivityId(missing))
                : Pick(journey.Activities, TargetPick) is { } a ? OpportunityLink.ToActivity(a.Id) : null,
            OpportunityLinkKind.PainPoint => Missing ? OpportunityLink.ToPainPoint(new WidgetId(missing))
                : Pick(Widgets(journey), TargetPick) is { } w ? OpportunityLink.ToPainPoint(w.Id) : null,
            OpportunityLinkKind.Feedback => Missing ? OpportunityLink.ToFeedback(new WidgetId(missing), Entry)
                : FeedbackTarget(journey, TargetPick, Entry),
            _ => Missing ? OpportunityLink.ToWarning(new WarningKey(new RuleId("activity.no-owner"), WarningSubject.For(new ActivityId(missing))))
                : Pick(journey.Activities.Select(a => WarningSubject.For(a.Id))
                    .Concat(Widgets(journey).OfType<MetricWidget>().Select(m => WarningSubject.For(m.Id)))
                    .Concat(journey.Phases.Select(p => WarningSubject.For(p.Id)))
                    .Append(WarningSubject.For(journey.Id)).ToList(), TargetPick) is var s
                    ? OpportunityLink.ToWarning(new WarningKey(new RuleId(s.Kind == SubjectKind.Metric ? "metric.threshold" : "activity.no-owner"), s)) : null,
        };
        if (link is null)
        {
            return false;
        }

        journey.LinkOpportunity(Actor, o.Id, link);
        return true;
    }

    // Mostly an entry the feedback widget holds (so later removals of entries meet links), now and then one past its end
    // or a widget of another kind (so the refusals are exercised too).
    private static OpportunityLink? FeedbackTarget(Journey journey, int targetPick, int entry)
    {
        var feedback = Widgets(journey).OfType<FeedbackWidget>().Where(f => f.Entries.Count > 0).ToList();
        if (feedback.Count == 0 || targetPick % 8 == 7)
        {
            return Pick(Widgets(journey), targetPick) is { } w ? OpportunityLink.ToFeedback(w.Id, entry) : null;
        }

        var widget = Pick(feedback, targetPick)!;
        return OpportunityLink.ToFeedback(widget.Id, (int)((uint)entry % (uint)(widget.Entries.Count + (targetPick % 8 == 6 ? 1 : 0))));
    }
}

/// <summary>Removes one of an opportunity's links.</summary>
/// <param name="OpportunityPick">Which opportunity.</param>
/// <param name="LinkPick">Which of its links.</param>
public sealed record UnlinkOpportunityStep(int OpportunityPick, int LinkPick) : JourneyStep
{
    /// <inheritdoc />
    public override bool Run(Journey journey, FakeClock clock)
    {
        if (Pick(journey.Opportunities, OpportunityPick) is not { } o || Pick(o.Links, LinkPick) is not { } link)
        {
            return false;
        }

        journey.UnlinkOpportunity(Actor, o.Id, link);
        return true;
    }
}

/// <summary>Removes an opportunity.</summary>
/// <param name="OpportunityPick">Which opportunity.</param>
public sealed record RemoveOpportunityStep(int OpportunityPick) : JourneyStep
{
    /// <inheritdoc />
    public override bool Run(Journey journey, FakeClock clock)
    {
        if (Pick(journey.Opportunities, OpportunityPick) is not { } o)
        {
            return false;
        }

        journey.RemoveOpportunity(Actor, o.Id);
        return true;
    }
}
