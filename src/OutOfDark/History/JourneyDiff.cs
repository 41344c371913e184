using System.Text;

namespace OutOfDark;

/// <summary>What changed in a journey between two versions: the net effect on activities, and every change with who, when and why.</summary>
/// <param name="FromVersion">The earlier version.</param>
/// <param name="ToVersion">The later version.</param>
/// <param name="Changes">Each change after <paramref name="FromVersion"/> up to <paramref name="ToVersion"/>, oldest first.</param>
/// <param name="ActivitiesAdded">Activities present at <paramref name="ToVersion"/> but not at <paramref name="FromVersion"/>.</param>
/// <param name="ActivitiesRemoved">Activities present at <paramref name="FromVersion"/> but not at <paramref name="ToVersion"/>.</param>
/// <param name="ActivitiesChanged">Activities present at both versions whose content differs.</param>
public sealed record JourneyDiff(
    long FromVersion,
    long ToVersion,
    ValueList<HistoryEntry> Changes,
    ValueList<Activity> ActivitiesAdded,
    ValueList<Activity> ActivitiesRemoved,
    ValueList<Activity> ActivitiesChanged)
{
    /// <summary>Writes the diff as plain text: a summary line, then one line per change.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("From v").Append(FromVersion).Append(" to v").Append(ToVersion).Append(": ")
            .Append(Internal.Text.Count(Changes.Count, "change", "changes")).Append("; ")
            .Append(Internal.Text.Count(ActivitiesAdded.Count, "activity", "activities")).Append(" added, ")
            .Append(ActivitiesRemoved.Count).Append(" removed, ")
            .Append(ActivitiesChanged.Count).Append(" changed").AppendLine();
        foreach (var change in Changes)
        {
            text.Append("  ").AppendLine(change.ToString());
        }

        return text.ToString();
    }
}
