using System.IO;
using System.Linq;
using OutOfDark.Events;
using OutOfDark;
using OutOfDark.Warnings;

namespace OutOfDark.Samples.Quickstart;

/// <summary>Prints what a later run changed: the history diff and the warnings that came, went or changed.</summary>
internal static class Report
{
    public static void HistoryChanges(TextWriter output, JourneyHistory history, long before)
    {
        var diff = history.Diff(before, history.Version);
        output.WriteLine($"  From v{diff.FromVersion} to v{diff.ToVersion}: {diff.Changes.Count} changes, {diff.ActivitiesChanged.Count} activities changed, "
            + $"{diff.ActivitiesAdded.Count} added, {diff.ActivitiesRemoved.Count} removed.");
        var before_ = history.AsOf(before);
        foreach (var activity in diff.ActivitiesChanged)
        {
            foreach (var metric in activity.Widgets.OfType<MetricWidget>())
            {
                var old = before_.FindWidget(metric.Id, out _) as MetricWidget;
                if (old?.Observations.Latest is { } was && metric.Observations.Latest is { } now && now.Date != was.Date)
                {
                    output.WriteLine($"  {activity.Name} — {metric.Title}: {was.Value} {metric.Unit} on {was.Date:yyyy-MM-dd} → {now.Value} {metric.Unit} on {now.Date:yyyy-MM-dd}");
                }
            }
        }

        foreach (var entry in diff.Changes.Where(c => c.Event is FeedbackRecorded))
        {
            output.WriteLine($"  {entry}");
        }
    }

    public static void WarningChanges(TextWriter output, Journey journey, WarningChanges changes)
    {
        var severityChanges = changes.Changed.Where(c => c.Previous.Severity != c.Current.Severity).ToList();
        foreach (var warning in changes.Raised.OrderByDescending(w => w.Severity))
        {
            output.WriteLine($"  new      {warning.Severity.ToString().ToLowerInvariant(),-8}  {Subject(journey, warning)}: {warning.Message}");
        }

        foreach (var (previous, current) in severityChanges.OrderByDescending(c => c.Current.Severity))
        {
            var direction = current.Severity > previous.Severity ? "worse" : "better";
            output.WriteLine($"  {direction,-8} {previous.Severity.ToString().ToLowerInvariant()} → {current.Severity.ToString().ToLowerInvariant()}  {Subject(journey, current)}: {current.Message}");
        }

        foreach (var warning in changes.Cleared.OrderByDescending(w => w.Severity))
        {
            output.WriteLine($"  cleared  {warning.Severity.ToString().ToLowerInvariant(),-8}  {Subject(journey, warning)}: {warning.Message}");
        }

        var updated = changes.Changed.Count - severityChanges.Count;
        output.WriteLine($"  {changes.Raised.Count} new, {severityChanges.Count} changed severity, {changes.Cleared.Count} cleared, {updated} updated with the new numbers"
            + (changes.Failures.Count > 0 ? $", {changes.Failures.Count} rule failures" : "") + ".");
        foreach (var failure in changes.Failures)
        {
            output.WriteLine($"  rule failure: {failure}");
        }
    }

    private static string Subject(Journey journey, Warning warning) => warning.Key.Subject switch
    {
        var subject when journey.FindActivityOf(subject) is { } activity => activity.Name,
        { PhaseId: { } id } when journey.FindPhase(id) is { } phase => "phase " + phase.Name,
        _ => journey.Name,
    };
}
