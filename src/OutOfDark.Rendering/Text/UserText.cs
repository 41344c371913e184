using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace OutOfDark.Rendering;

/// <summary>
/// What users typed into one journey (names, titles, owners, teams, goals, channels, tags, labels), found inside the
/// domain's sentences so that <see cref="DisplayText"/> rewrites the domain's own dates and numbers around it and never
/// inside it. A sentence splits into runs: each known text where it stands whole (not inside a longer word or number),
/// longest first; then any other quoted part (<c>'…'</c> or <c>"…"</c>, as the domain quotes names, owners and notes)
/// unless it is only an id or a rule id, which the domain quotes as its own; the rest is the domain's.
/// </summary>
internal sealed partial class UserText
{
    /// <summary>No known texts: only quoted parts are kept.</summary>
    public static readonly UserText None = new([]);

    private readonly string[] _known;

    private UserText(IEnumerable<string> known) =>
        _known = known.Where(x => !string.IsNullOrWhiteSpace(x)).Distinct(StringComparer.Ordinal).OrderByDescending(x => x.Length).ToArray();

    /// <summary>The user texts of <paramref name="journey"/>.</summary>
    public static UserText Of(Journey journey)
    {
        var texts = new List<string?> { journey.Name, journey.Owner };
        foreach (var phase in journey.Phases)
        {
            texts.Add(phase.Name);
            texts.Add(phase.CustomerGoal);
            texts.AddRange(phase.Metrics.Select(m => m.Title));
        }

        texts.AddRange(journey.Metrics.Select(m => m.Title));
        texts.AddRange(journey.Personas.Select(p => p.Name));
        texts.AddRange(journey.CustomLanes.Select(l => l.Name));
        texts.AddRange(journey.Flows.Select(f => f.Label));
        foreach (var activity in journey.Activities)
        {
            texts.Add(activity.Name);
            texts.Add(activity.Details.Owner);
            texts.Add(activity.Details.Team);
            texts.AddRange(activity.Details.Channels);
            texts.AddRange(activity.Details.Tags);
            texts.AddRange(activity.Widgets.Select(x => x.Title));
        }

        foreach (var opportunity in journey.Opportunities)
        {
            texts.Add(opportunity.Title);
            texts.Add(opportunity.Owner);
        }

        return new UserText(texts.OfType<string>());
    }

    /// <summary>
    /// <paramref name="text"/> with each run that is not user text passed through <paramref name="rewrite"/>; user text
    /// is copied as it is. <paramref name="domainTokens"/>: what the rewrite changes (a date, a number); a known text
    /// that would cut one of them in two (a name "04" inside a date, "." inside a number) is not taken as user text.
    /// </summary>
    public string RewriteOutside(string text, Func<string, string> rewrite, params Regex[] domainTokens)
    {
        var tokens = domainTokens.SelectMany(r => r.Matches(text)).Select(m => (Start: m.Index, End: m.Index + m.Length)).ToList();
        bool CutsAToken(int start, int end) => tokens.Exists(t => t.Start < end && start < t.End && !(start <= t.Start && t.End <= end));
        var user = new bool[text.Length];
        foreach (var name in _known)
        {
            for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
            {
                if (Array.IndexOf(user, true, at, name.Length) < 0 && StandsAlone(text, at, name.Length) && !CutsAToken(at, at + name.Length))
                {
                    Array.Fill(user, true, at, name.Length);
                }
            }
        }

        foreach (Match match in QuotedPattern().Matches(text))
        {
            var inner = match.Groups["inner"];
            if (inner.Length > 0 && !DomainIdPattern().IsMatch(inner.Value) && !CutsAToken(inner.Index, inner.Index + inner.Length))
            {
                Array.Fill(user, true, inner.Index, inner.Length);
            }
        }

        if (Array.IndexOf(user, true) < 0)
        {
            return rewrite(text);
        }

        var result = new System.Text.StringBuilder(text.Length);
        for (var start = 0; start < text.Length;)
        {
            var end = start;
            while (end < text.Length && user[end] == user[start])
            {
                end++;
            }

            var run = text[start..end];
            result.Append(user[start] ? run : rewrite(run));
            start = end;
        }

        return result.ToString();
    }

    private static bool StandsAlone(string text, int at, int length)
    {
        static bool Joins(char c) => char.IsLetterOrDigit(c) || c == '_';
        var end = at + length;
        return !(at > 0 && Joins(text[at - 1]) && Joins(text[at]))
            && !(end < text.Length && Joins(text[end]) && Joins(text[end - 1]));
    }

    // An opening quote not inside a word, the shortest text up to the same quote not followed by a letter or digit
    // ("'Bob's page' has" keeps "Bob's page" whole).
    [GeneratedRegex(@"(?<![\p{L}\p{N}_])(?<quote>['""])(?<inner>[^\n]*?)\k<quote>(?![\p{L}\p{N}_])", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedPattern();

    [GeneratedRegex(@"^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[a-z][a-z0-9-]*(?:\.[a-z][a-z0-9-]*)+)$", RegexOptions.CultureInvariant)]
    private static partial Regex DomainIdPattern();
}
