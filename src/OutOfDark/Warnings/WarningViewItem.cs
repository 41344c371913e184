namespace OutOfDark.Warnings;

/// <summary>One line of the Warnings view: a present warning, where it stands, and what it is about.</summary>
/// <param name="Warning">The warning as the rule raised it.</param>
/// <param name="State">Where it stands.</param>
/// <param name="Status">The status people recorded that decides <paramref name="State"/>, or <see langword="null"/> when none applies.</param>
/// <param name="SubjectName">The activity's or phase's name, or the journey's name; for a metric, the name of the activity it sits on (<see cref="Metric"/> names the metric).</param>
/// <param name="PhaseId">The phase the subject lives in (or is), or <see langword="null"/> for the journey.</param>
/// <param name="Owner">The activity's owner, if any.</param>
/// <param name="Team">The activity's team, if any.</param>
public sealed record WarningViewItem(Warning Warning, WarningState State, WarningStatus? Status, string SubjectName, PhaseId? PhaseId, string? Owner, string? Team)
{
    /// <summary>The warning's identity.</summary>
    public WarningKey Key => Warning.Key;

    /// <summary>The activity the warning is about, or the activity its metric sits on; <see langword="null"/> for a phase or the journey. Group a view by it to see each activity's warnings together.</summary>
    public ActivityId? ActivityId { get; init; }

    /// <summary>The title of the metric (KPI) the warning is about, when its subject is a metric; otherwise <see langword="null"/>.</summary>
    public string? Metric { get; init; }

    /// <summary>
    /// The subject named in one line, the same wherever a single name stands for it (the workspace read model's
    /// <see cref="WorkspaceWarning.SubjectName"/>, the journey grain's warning rows): the activity's, phase's or
    /// journey's name; for a metric its title and the activity it sits on, as <c>CSAT on Checkout</c>; followed for a
    /// per-segment warning by the segment in parentheses, as <c>CSAT on Checkout (customer first-time buyer, region DE)</c>.
    /// </summary>
    public string FullSubjectName =>
        (Metric is { } metric ? $"{metric} on {SubjectName}" : SubjectName) + (Key.Subject.Segment is { } segment ? $" ({segment})" : "");

    /// <summary>The warning's severity.</summary>
    public WarningSeverity Severity => Warning.Severity;

    /// <summary>What is wrong, as the rule said it: the warning's <see cref="Warnings.Warning.Message"/>.</summary>
    public string Message => Warning.Message;

    /// <summary>The line as the Warnings view shows it: severity, subject, message and state, for example
    /// <c>Critical · Checkout · Completion fell to 55 % — critical threshold 60 %, … (Open)</c> (a metric rule's message starts with the metric's title).</summary>
    /// <returns>The line; no ids.</returns>
    public override string ToString() => $"{Severity} · {SubjectName} · {Message} ({State})";
}
