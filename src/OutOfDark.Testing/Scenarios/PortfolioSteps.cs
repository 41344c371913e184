using System;
using System.Linq;
using NodaTime.Testing;

namespace OutOfDark.Testing;

/// <summary>
/// Places the journey under a parent journey, or makes it top-level. A journey alone knows no other journey, so any
/// id is accepted but its own (refused: a journey cannot be its own parent).
/// </summary>
/// <param name="Parent">The parent's id, or <see langword="null"/> for top-level.</param>
/// <param name="Self">Name the journey itself as its parent instead (refused).</param>
public sealed record SetParentJourneyStep(Guid? Parent, bool Self) : JourneyStep
{
    /// <inheritdoc />
    public override bool Run(Journey journey, FakeClock clock)
    {
        journey.SetParent(Actor, Self ? journey.Id : Parent is { } p ? new JourneyId(p) : null);
        return true;
    }
}

/// <summary>Links an activity to a sub-journey, or removes its link; now and then to the journey itself (refused).</summary>
/// <param name="ActivityPick">Which activity.</param>
/// <param name="SubJourney">The sub-journey's id, or <see langword="null"/> to remove the link.</param>
/// <param name="Self">Link to the journey itself instead (refused).</param>
public sealed record LinkSubJourneyStep(int ActivityPick, Guid? SubJourney, bool Self) : JourneyStep
{
    /// <inheritdoc />
    public override bool Run(Journey journey, FakeClock clock)
    {
        if (Pick(journey.Activities, ActivityPick) is not { } activity)
        {
            return false;
        }

        journey.LinkSubJourney(Actor, activity.Id, Self ? journey.Id : SubJourney is { } s ? new JourneyId(s) : null);
        return true;
    }
}

/// <summary>Removes an entry of a feedback widget; now and then an index past the end (refused).</summary>
/// <param name="WidgetPick">Which feedback widget.</param>
/// <param name="IndexPick">Which entry; when <paramref name="PastEnd"/>, added to the entry count.</param>
/// <param name="PastEnd">Name an entry past the end instead (refused).</param>
public sealed record RemoveFeedbackStep(int WidgetPick, int IndexPick, bool PastEnd) : JourneyStep
{
    /// <inheritdoc />
    public override bool Run(Journey journey, FakeClock clock)
    {
        var feedback = Widgets(journey).OfType<FeedbackWidget>().ToList();
        if (Pick(feedback, WidgetPick) is not { } widget || (widget.Entries.Count == 0 && !PastEnd))
        {
            return false;
        }

        var index = PastEnd ? widget.Entries.Count + IndexPick : (int)((uint)IndexPick % (uint)widget.Entries.Count);
        journey.RemoveFeedback(Actor, widget.Id, index);
        return true;
    }
}
