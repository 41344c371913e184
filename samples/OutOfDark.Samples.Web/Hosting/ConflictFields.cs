using System.Collections.Generic;
using System.Linq;
using NodaTime.Text;
using OutOfDark.Events;

namespace OutOfDark.Samples.Web.Hosting;

/// <summary>One field a colleague's change set, and the value it set: "owner", "Ben Okafor".</summary>
/// <param name="Field">The field as the page's forms name it: name, kind, status, owner, team, channels, description, plannedStart, plannedEnd, tags, customerGoal.</param>
/// <param name="Value">The new value as text (empty when cleared; channels and tags joined with ", "; at most 120 characters, longer ones end with "…").</param>
internal sealed record ConflictField(string Field, string Value);

/// <summary>
/// The fields an activity, phase or persona change set, read against the journey just before it, so a conflict can say
/// what the colleague changed ("owner is now 'Ben Okafor'") and not only that they changed something. Other events
/// give no fields: their words (<see cref="JourneyConflict.What"/>) already say what changed.
/// </summary>
internal static class ConflictFields
{
    private const int MaxValue = 120;

    /// <summary>The fields <paramref name="e"/> changed, in the forms' order; empty for other kinds of event or when nothing differs.</summary>
    /// <param name="e">The event.</param>
    /// <param name="before">The journey just before it.</param>
    /// <returns>The changed fields and their new values.</returns>
    public static IReadOnlyList<ConflictField> Of(JourneyEvent e, Journey before) => e switch
    {
        ActivityChanged x when before.TryGetActivity(x.ActivityId, out var a) => Changed(
            ("name", a.Name, x.Name),
            ("kind", a.Kind.ToString(), x.Kind.ToString()),
            ("status", a.Details.Status.ToString(), x.Details.Status.ToString()),
            ("owner", a.Details.Owner, x.Details.Owner),
            ("team", a.Details.Team, x.Details.Team),
            ("channels", string.Join(", ", a.Details.Channels), string.Join(", ", x.Details.Channels)),
            ("description", a.Details.Description, x.Details.Description),
            ("plannedStart", Date(a.Details.PlannedStart), Date(x.Details.PlannedStart)),
            ("plannedEnd", Date(a.Details.PlannedEnd), Date(x.Details.PlannedEnd)),
            ("tags", string.Join(", ", a.Details.Tags), string.Join(", ", x.Details.Tags))),
        PhaseChanged x when before.FindPhase(x.PhaseId) is { } p => Changed(("name", p.Name, x.Name), ("customerGoal", p.CustomerGoal, x.CustomerGoal)),
        PersonaChanged x when before.FindPersona(x.PersonaId) is { } p => Changed(("name", p.Name, x.Name), ("description", p.Description, x.Description)),
        _ => [],
    };

    private static string? Date(NodaTime.LocalDate? date) => date is { } d ? LocalDatePattern.Iso.Format(d) : null;

    private static List<ConflictField> Changed(params (string Field, string? Before, string? After)[] fields) =>
        [.. fields.Where(f => (f.Before ?? "") != (f.After ?? "")).Select(f => new ConflictField(f.Field, Shorten(f.After ?? "")))];

    private static string Shorten(string value) => value.Length <= MaxValue ? value : value[..(MaxValue - 1)] + "…";
}
