using System.Collections.Generic;
using OutOfDark.Events;
using OutOfDark.Warnings;

namespace OutOfDark;

/// <summary>Which activities and phases an event names: for per-activity history and incremental evaluation.</summary>
public static class EventTouches
{
    /// <summary>The activities an event names directly. Flow removals name none: look the flow up in the state before the event.</summary>
    /// <param name="e">The event.</param>
    /// <returns>The activity ids, possibly none.</returns>
    public static IEnumerable<ActivityId> Activities(JourneyEvent e)
    {
        switch (e)
        {
            case ActivityAdded x:
                yield return x.ActivityId;
                if (x.ParentId is { } parent)
                {
                    yield return parent;
                }

                break;
            case ActivityChanged x:
                yield return x.ActivityId;
                break;
            case ActivityMoved x:
                yield return x.ActivityId;
                break;
            case ActivityReordered x:
                yield return x.ActivityId;
                break;
            case ActivityRemoved x:
                yield return x.ActivityId;
                break;
            case FlowAdded x:
                yield return x.From;
                yield return x.To;
                break;
            case WidgetAdded x:
                yield return x.ActivityId;
                break;
            case WidgetChanged x:
                yield return x.ActivityId;
                break;
            case WidgetMoved x:
                yield return x.ActivityId;
                break;
            case WidgetRemoved x:
                yield return x.ActivityId;
                break;
            case ObservationRecorded x:
                yield return x.ActivityId;
                break;
            case ObservationCorrected x:
                yield return x.ActivityId;
                break;
            case ObservationRemoved x:
                yield return x.ActivityId;
                break;
            case MeasurementRecorded x:
                yield return x.ActivityId;
                break;
            case MeasurementCorrected x:
                yield return x.ActivityId;
                break;
            case MeasurementRemoved x:
                yield return x.ActivityId;
                break;
            case FeedbackRecorded x:
                yield return x.ActivityId;
                break;
            case FeedbackRemoved x:
                yield return x.ActivityId;
                break;
            case SubJourneyLinked x:
                yield return x.ActivityId;
                break;
            case RuleSettingsChanged { Activity: { } activity }:
                yield return activity;
                break;
            case ActivityLaneChanged x:
                yield return x.ActivityId;
                break;
            case OpportunityLinked { Link.Activity: { } linked }:
                yield return linked;
                break;
            case OpportunityUnlinked { Link.Activity: { } unlinked }:
                yield return unlinked;
                break;
            case ActivityMatched x:
                yield return x.ActivityId;
                break;
            case ActivityUnmatched x:
                yield return x.ActivityId;
                break;
            default:
                if (Warning(e) is { Subject.Kind: SubjectKind.Activity } key)
                {
                    yield return new ActivityId(key.Subject.Id);
                }

                break;
        }
    }

    /// <summary>
    /// The activities an event names, as <see cref="Activities(JourneyEvent)"/>, and for a lifecycle event about a
    /// metric's warning the activity the metric sits on in <paramref name="journey"/> (none when it no longer holds the metric).
    /// </summary>
    /// <param name="e">The event.</param>
    /// <param name="journey">The journey that says which activity holds a metric, usually its current state.</param>
    /// <returns>The activity ids, possibly none.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="journey"/> is <see langword="null"/>.</exception>
    public static IEnumerable<ActivityId> Activities(JourneyEvent e, Journey journey)
    {
        System.ArgumentNullException.ThrowIfNull(journey);
        if (Warning(e) is { Subject.Kind: SubjectKind.Metric } key)
        {
            return journey.FindActivityOf(key.Subject) is { } owner ? [owner.Id] : [];
        }

        return Activities(e);
    }

    /// <summary>The warning a lifecycle event is about, or <see langword="null"/> for other events.</summary>
    /// <param name="e">The event.</param>
    /// <returns>The warning's key.</returns>
    public static WarningKey? Warning(JourneyEvent e) => e switch
    {
        WarningAcknowledged x => x.Warning,
        WarningSnoozed x => x.Warning,
        WarningResolved x => x.Warning,
        WarningReopened x => x.Warning,
        _ => null,
    };
}
