using Ardalis.GuardClauses;
using System.Collections.Generic;
using System.Globalization;
using OutOfDark.Events;
using OutOfDark.Warnings;

namespace OutOfDark;

/// <summary>Turns events into sentences, naming things as they were just before the event.</summary>
public static class EventDescriber
{
    /// <summary>Describes an event.</summary>
    /// <param name="e">The event.</param>
    /// <param name="before">The journey just before the event, or <see langword="null"/> for <see cref="JourneyCreated"/>.</param>
    /// <returns>A sentence, for example <c>Renamed activity "Newsletter" to "Weekly newsletter"</c>.</returns>
    public static string Describe(JourneyEvent e, Journey? before)
    {
        Guard.Against.Null(e);
        string A(ActivityId id) => before is not null && before.TryGetActivity(id, out var a) ? Quote(a.Name) : id.ToString();
        string P(PhaseId id) => before?.FindPhase(id) is { } p ? Quote(p.Name) : id.ToString();
        string W(WidgetId id) => before?.FindWidget(id, out _) is { } w ? $"{w.KindName()} {Quote(w.Title)}"
            : before?.FindKpi(id, out var kpiPhase) is { } kpi ? $"metric {Quote(kpi.Title)} of {(kpiPhase is { } p ? $"phase {P(p)}" : "the journey")}"
            : id.ToString();
        string On(PhaseId? phase) => phase is { } p ? $"phase {P(p)}" : "the journey";

        return e switch
        {
            JourneyCreated x => $"Created journey {Quote(x.Name)}",
            JourneyRenamed x => $"Renamed journey {Quote(before?.Name)} to {Quote(x.Name)}",
            JourneyDescriptionChanged x => x.Description is null ? "Cleared the journey's description" : "Changed the journey's description",
            JourneyOwnerChanged x => $"Changed the journey's owner from {Quote(before?.Owner)} to {Quote(x.Owner)}",
            JourneyStateChanged x => $"Changed the journey's state from {before?.State} to {x.State}",
            JourneyParentChanged x => x.ParentJourneyId is { } parent
                ? (before?.ParentJourneyId is { } old ? $"Moved the journey from under journey {old} to under journey {parent}" : $"Placed the journey under journey {parent}")
                : $"Made the journey a top-level journey" + (before?.ParentJourneyId is { } was ? $" (it was under journey {was})" : ""),
            SubJourneyLinked x => x.SubJourneyId is { } sub
                ? $"Linked activity {A(x.ActivityId)} to sub-journey {sub}" + (before is not null && before.TryGetActivity(x.ActivityId, out var linked) && linked.SubJourneyId is { } previous ? $" (was {previous})" : "")
                : $"Removed the sub-journey link of activity {A(x.ActivityId)}" + (before is not null && before.TryGetActivity(x.ActivityId, out var unlinked) && unlinked.SubJourneyId is { } gone ? $" (to journey {gone})" : ""),
            PhaseAdded x => $"Added phase {Quote(x.Name)} at position {x.Position + 1}",
            PhaseChanged x => before?.FindPhase(x.PhaseId) is { } p && p.Name != x.Name
                ? $"Renamed phase {Quote(p.Name)} to {Quote(x.Name)}"
                : $"Changed the customer goal of phase {Quote(x.Name)}",
            PhaseMoved x => $"Moved phase {P(x.PhaseId)} to position {x.Position + 1}",
            PhaseRemoved x => $"Removed phase {P(x.PhaseId)}" + BlueprintText.Unlinked(before?.OpportunitiesLinkedToPhase(x.PhaseId)),
            PersonaAdded x => $"Added persona {Quote(x.Name)}",
            PersonaChanged x => $"Changed persona {Quote(x.Name)}",
            PersonaMoved x => $"Moved persona {(before?.FindPersona(x.PersonaId) is { } moved ? Quote(moved.Name) : x.PersonaId.ToString())} to position {x.Position + 1}",
            PersonaRemoved x => $"Removed persona {(before?.FindPersona(x.PersonaId) is { } p ? Quote(p.Name) : x.PersonaId.ToString())}",
            ActivityAdded x => $"Added {Words(x.Kind.ToString())} {Quote(x.Name)} to phase {P(x.PhaseId)}" + (x.ParentId is { } parent ? $" under {A(parent)}" : ""),
            ActivityChanged x => $"Changed activity {A(x.ActivityId)}: {ActivityChanges(x, before)}",
            ActivityMoved x => $"Moved activity {A(x.ActivityId)} to phase {P(x.PhaseId)}" + (x.ParentId is { } parent ? $" under {A(parent)}" : " at the top level"),
            ActivityReordered x => $"Moved {A(x.ActivityId)} to place {x.Position + 1} in phase "
                + (before is not null && before.TryGetActivity(x.ActivityId, out var reordered)
                    ? P(reordered.PhaseId) + (reordered.ParentId is { } under ? $" under {A(under)}" : "")
                    : "(unknown)"),
            ActivityRemoved x => $"Removed activity {A(x.ActivityId)}" + (before is not null && before.ChildrenOf(x.ActivityId).Count > 0 ? " and the activities under it" : "")
                + BlueprintText.Unlinked(before?.OpportunitiesLinkedToSubtree(x.ActivityId)),
            FlowAdded x => $"Added a flow from {A(x.From)} to {A(x.To)}" + (x.Label is null ? "" : $" ({Quote(x.Label)})"),
            FlowRemoved x => before?.FindFlow(x.FlowId) is { } f ? $"Removed the flow from {A(f.From)} to {A(f.To)}" : $"Removed flow {x.FlowId}",
            FlowRelabelled x => before?.FindFlow(x.FlowId) is { } relabelled
                ? $"Relabelled the flow from {A(relabelled.From)} to {A(relabelled.To)}: {Quote(relabelled.Label)} → {Quote(x.Label)}"
                : $"Relabelled flow {x.FlowId} to {Quote(x.Label)}",
            WidgetAdded x => $"Added {x.Widget.KindName()} {Quote(x.Widget.Title)} to activity {A(x.ActivityId)}",
            WidgetChanged x => $"Changed {x.Widget.KindName()} {Quote(x.Widget.Title)} on activity {A(x.ActivityId)}" + BlueprintText.Unlinked(before?.OpportunitiesUnlinkedByChange(x.Widget)),
            WidgetMoved x => $"Moved {W(x.WidgetId)} to position {x.Position + 1} on activity {A(x.ActivityId)}",
            WidgetRemoved x => $"Removed {W(x.WidgetId)} from activity {A(x.ActivityId)}" + BlueprintText.Unlinked(before?.OpportunitiesLinkedToWidget(x.WidgetId)),
            ObservationRecorded x => $"Recorded {Value(x.Value, x.WidgetId, before)} for {W(x.WidgetId)} on {Date(x.Date)}",
            ObservationCorrected x => $"Corrected {W(x.WidgetId)} on {Date(x.Date)} to {Value(x.Value, x.WidgetId, before)}",
            ObservationRemoved x => $"Removed the value of {W(x.WidgetId)} on {Date(x.Date)}",
            MeasurementRecorded x => $"Recorded {Value(x.Value, x.WidgetId, before)}{Sample(x.SampleSize, x.Answers)} for {W(x.WidgetId)}{For(x.Segment)} on {Date(x.Date)}",
            MeasurementCorrected x => $"Corrected {W(x.WidgetId)}{For(x.Segment)} on {Date(x.Date)} to {Value(x.Value, x.WidgetId, before)}{Sample(x.SampleSize, x.Answers)}",
            MeasurementRemoved x => $"Removed the value of {W(x.WidgetId)}{For(x.Segment)} on {Date(x.Date)}",
            KpiAdded x => $"Added metric {Quote(x.Metric.Title)} to {On(x.PhaseId)}",
            KpiChanged x => $"Changed metric {Quote(x.Metric.Title)} of {On(x.PhaseId)}",
            KpiMoved x => $"Moved {W(x.WidgetId)} to position {x.Position + 1}",
            KpiRemoved x => $"Removed {W(x.WidgetId)}",
            KpiMeasurementRecorded x => $"Recorded {Value(x.Value, x.WidgetId, before)}{Sample(x.SampleSize, x.Answers)} for {W(x.WidgetId)}{For(x.Segment)} on {Date(x.Date)}",
            KpiMeasurementCorrected x => $"Corrected {W(x.WidgetId)}{For(x.Segment)} on {Date(x.Date)} to {Value(x.Value, x.WidgetId, before)}{Sample(x.SampleSize, x.Answers)}",
            KpiMeasurementRemoved x => $"Removed the value of {W(x.WidgetId)}{For(x.Segment)} on {Date(x.Date)}",
            FeedbackRecorded x => $"Recorded {Words(x.Entry.Sentiment.ToString())} feedback from {Quote(x.Entry.Source)} on {W(x.WidgetId)}",
            FeedbackRemoved x => $"Removed feedback entry {x.Index + 1}" + (before?.FindWidget(x.WidgetId, out _) is FeedbackWidget f && x.Index >= 0 && x.Index < f.Entries.Count ? $" ({Words(f.Entries[x.Index].Sentiment.ToString())}, from {Quote(f.Entries[x.Index].Source)})" : "") + $" of {W(x.WidgetId)}" + BlueprintText.Unlinked(before?.OpportunitiesLinkedToFeedbackEntry(x.WidgetId, x.Index)),
            WarningAcknowledged x => $"Acknowledged warning {Warning(x.Warning, before)}" + Note(x.Note),
            WarningSnoozed x => $"Snoozed warning {Warning(x.Warning, before)} until {x.Until}" + Note(x.Note),
            WarningResolved x => $"Resolved warning {Warning(x.Warning, before)}" + Note(x.Note),
            WarningReopened x => $"Reopened warning {Warning(x.Warning, before)}" + Note(x.Note),
            RuleSettingsChanged x => RuleSettingsText.Describe(x, x.Activity is { } a ? $"on activity {A(a)}" : x.Metric is { } m ? $"on {W(m)}" : "for the journey"),
            LaneAdded or LaneChanged or LaneRemoved or ActivityLaneChanged => BlueprintText.Describe(e, before, A),
            OpportunityAdded or OpportunityChanged or OpportunityScored or OpportunityLinked or OpportunityUnlinked or OpportunityRemoved => BlueprintText.Describe(e, before, A),
            JourneyPaired x => $"Paired the journey with journey {x.Counterpart}" + (before?.Pairing is { } old ? $" instead of {old.Counterpart}" + Dropped(old, A) : ""),
            JourneyUnpaired => before?.Pairing is { } pairing ? $"Unpaired the journey from journey {pairing.Counterpart}" + Dropped(pairing, A) : "Unpaired the journey",
            ActivityMatched { Previous: { } previous } x => $"Replaced the match of activity {A(x.ActivityId)} with activity {previous} of the paired journey with activity {x.Counterpart}",
            ActivityMatched x => $"Matched activity {A(x.ActivityId)} with activity {x.Counterpart} of the paired journey",
            ActivityUnmatched x => $"Removed the match of activity {A(x.ActivityId)} with the paired journey",
            _ => e.GetType().Name,
        };
    }

    /// <summary>
    /// Names the matches a pairing event drops: none in a history the journey recorded itself, which unmatches each one
    /// first with its own event, but any a stream holds when the event is applied.
    /// </summary>
    private static string Dropped(JourneyPairing pairing, System.Func<ActivityId, string> activity) =>
        pairing.Matches.Count == 0 ? "" : $", dropping the matches of {string.Join(", ", System.Linq.Enumerable.Select(pairing.Matches, m => $"activity {activity(m.Activity)} (with {m.Counterpart})"))}";

    private static string ActivityChanges(ActivityChanged x, Journey? before)
    {
        if (before is null || !before.TryGetActivity(x.ActivityId, out var old))
        {
            return "new values";
        }

        var parts = new List<string>();
        void Diff<T>(string what, T was, T now)
        {
            if (!EqualityComparer<T>.Default.Equals(was, now))
            {
                parts.Add($"{what} {Show(was)} → {Show(now)}");
            }
        }

        Diff("name", old.Name, x.Name);
        Diff("kind", old.Kind, x.Kind);
        Diff("status", old.Details.Status, x.Details.Status);
        Diff("owner", old.Details.Owner, x.Details.Owner);
        Diff("team", old.Details.Team, x.Details.Team);
        Diff("channels", old.Details.Channels, x.Details.Channels);
        Diff("tags", old.Details.Tags, x.Details.Tags);
        Diff("planned start", old.Details.PlannedStart, x.Details.PlannedStart);
        Diff("planned end", old.Details.PlannedEnd, x.Details.PlannedEnd);
        if (old.Details.Description != x.Details.Description)
        {
            parts.Add("description");
        }

        return parts.Count == 0 ? "no visible change" : string.Join("; ", parts);
    }

    private static string Show<T>(T value) => value switch
    {
        null => "(none)",
        string s => Quote(s),
        NodaTime.LocalDate d => Date(d),
        _ => value.ToString() ?? "",
    };

    private static string Value(decimal value, WidgetId id, Journey? before)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        return before?.FindMetric(id, out _, out _) is { Unit.Length: > 0 } m ? $"{text} {m.Unit}" : text;
    }

    private static string Warning(WarningKey key, Journey? before)
    {
        var subject = key.Subject.Kind switch
        {
            SubjectKind.Activity when before is not null && before.TryGetActivity(new ActivityId(key.Subject.Id), out var a) => $"on activity {Quote(a.Name)}",
            SubjectKind.Metric when before?.FindWidget(new WidgetId(key.Subject.Id), out var owner) is MetricWidget m => $"on metric {Quote(m.Title)} of activity {Quote(owner!.Name)}",
            SubjectKind.Metric when before?.FindKpi(new WidgetId(key.Subject.Id), out var kpiPhase) is { } kpi => $"on metric {Quote(kpi.Title)} of {(kpiPhase is { } p && before.FindPhase(p) is { } phase ? $"phase {Quote(phase.Name)}" : "the journey")}",
            SubjectKind.Phase when before?.FindPhase(new PhaseId(key.Subject.Id)) is { } p => $"on phase {Quote(p.Name)}",
            SubjectKind.Journey => "on the journey",
            _ => $"on {key.Subject}",
        };
        return $"{key.Rule} {subject}";
    }

    /// <summary>Turns an enum name into lower-case words: <c>VeryNegative</c> → <c>very negative</c>.</summary>
    private static string Words(string name)
    {
        var text = new System.Text.StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }

    private static string Note(string? note) => note is null ? "" : $": {note}";

    private static string For(Segment segment) => segment.IsAll ? "" : $" for {Quote(segment.ToString())}";

    private static string Sample(int? size, AnswerDistribution? answers) =>
        answers is not null ? $" from {Internal.Text.Count(answers.Total, "answer", "answers")}"
        : size is { } n ? $" from {Internal.Text.Count(n, "respondent", "respondents")}" : "";

    private static string Date(NodaTime.LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Quote(string? text) => text is null ? "(none)" : $"\"{text}\"";
}
