using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using NodaTime.Text;

namespace OutOfDark.Samples.Web.Api;

/// <summary>
/// Builds a widget from an add-widget request (metric, link, description, emotion, solution, feedback) and the change a
/// change-widget request makes to a widget of each kind. Every problem goes into <c>errors</c> under the request's field
/// name (as the UI names its fields), in words the UI shows next to that field.
/// </summary>
internal static class WidgetRequests
{
    private const string Kinds = "metric, link, description, emotion, solution or feedback";

    public static Widget? Create(AddWidgetRequest body, Dictionary<string, string[]> errors)
    {
        var title = body.Title ?? "";
        switch (body.Kind?.ToLowerInvariant())
        {
            case "metric":
                var metric = new MetricWidget(WidgetId.New(), title)
                {
                    Unit = body.Unit ?? "",
                    Kind = Parse(body.MetricKind, MetricKind.Count, "metricKind", "a metric kind: use count, percentage, currency, score, nps, csat, ces or ratio", errors),
                    Direction = Parse(body.Direction, MetricDirection.HigherIsBetter, "direction", "a direction: use higherIsBetter or lowerIsBetter", errors),
                    Target = body.Target,
                    WarningThreshold = body.WarningThreshold,
                    CriticalThreshold = body.CriticalThreshold,
                };
                CheckLimits(metric, errors);
                return metric;
            case "link":
                if (!Uri.TryCreate(body.Url, UriKind.Absolute, out var url))
                {
                    errors["url"] = [$"'{body.Url}' is not an absolute address such as https://example.com/page."];
                    return null;
                }

                return new LinkWidget(WidgetId.New(), title, url);
            case "description":
                return new DescriptionWidget(WidgetId.New(), title, body.Markdown ?? "");
            case "emotion":
                PersonaId? persona = null;
                if (string.IsNullOrEmpty(body.Persona))
                {
                    errors["persona"] = ["Choose the persona who feels this; add one under “Edit the journey” when there is none."];
                }
                else
                {
                    persona = JourneyApi.RequiredId<PersonaId>(body.Persona, "persona", errors);
                }
                if (body.AsIs is null)
                {
                    errors["asIs"] = ["Choose how the persona feels today, from very negative (−2) to very positive (+2)."];
                }

                var asIs = Score(body.AsIs, "asIs", errors);
                var toBe = Score(body.ToBe, "toBe", errors);
                return persona is { } p && asIs is { } a ? new EmotionWidget(WidgetId.New(), title, p, a, toBe, Optional(body.Note)) : null;
            case "solution":
                return new SolutionWidget(
                    WidgetId.New(),
                    title,
                    body.Problem?.Trim() ?? "",
                    body.Solution?.Trim() ?? "",
                    Parse(body.Status, SolutionStatus.Proposed, "status", "a status: use proposed, planned, inProgress, done or rejected", errors));
            case "feedback":
                var entries = new List<FeedbackEntry>();
                var list = body.Entries ?? [];
                for (var i = 0; i < list.Count; i++)
                {
                    if (Entry(list[i], $"entries[{i}]", errors) is { } entry)
                    {
                        entries.Add(entry);
                    }
                }

                return new FeedbackWidget(WidgetId.New(), title, ValueList<FeedbackEntry>.From(entries));
            default:
                errors["kind"] = [$"'{body.Kind}' is not a widget kind this API adds: use {Kinds}."];
                return null;
        }
    }

    /// <summary>
    /// The change a change-widget request makes: the title, and the fields of the widget's own kind (a member of another
    /// kind sent with a value is refused when the change runs, naming it; null passes, as the UI sends one form per kind). A member left out of the body (not in <paramref name="given"/>)
    /// keeps its value; <c>null</c> clears an optional one (unit, target, thresholds, markdown, to-be score, note) and is
    /// refused for a required one (metric kind, direction, url, persona, as-is score, status). Checks what can be checked
    /// without the widget at once; what needs the widget (a metric's limits under its kind, an entry index) is checked
    /// when the change runs and refused with a <see cref="JourneyRuleException"/> whose subjects hold the
    /// <see cref="WidgetField"/> to name.
    /// </summary>
    public static Func<Widget, Widget> Change(ChangeWidgetRequest body, string? title, IReadOnlySet<string> given, Dictionary<string, string[]> errors)
    {
        var kind = EditApi.Required(body.MetricKind, "metricKind", given, errors) is { } k
            ? Parse(k, MetricKind.Count, "metricKind", "a metric kind: use count, percentage, currency, score, nps, csat, ces or ratio", errors)
            : (MetricKind?)null;
        var direction = EditApi.Required(body.Direction, "direction", given, errors) is { } d
            ? Parse(d, MetricDirection.HigherIsBetter, "direction", "a direction: use higherIsBetter or lowerIsBetter", errors)
            : (MetricDirection?)null;
        Uri? url = null;
        if (EditApi.Required(body.Url, "url", given, errors) is { } text && !Uri.TryCreate(text, UriKind.Absolute, out url))
        {
            errors["url"] = [$"'{text}' is not an absolute address such as https://example.com/page."];
        }

        PersonaId? persona = EditApi.Required(body.Persona, "persona", given, errors) is { Length: > 0 } p ? JourneyApi.RequiredId<PersonaId>(p, "persona", errors) : null;
        if (given.Contains("asIs") && body.AsIs is null)
        {
            errors["asIs"] = ["The asIs score cannot be cleared: send a value, or leave the member out to keep it."];
        }

        var asIs = Score(body.AsIs, "asIs", errors);
        var toBe = Score(body.ToBe, "toBe", errors);
        var status = EditApi.Required(body.Status, "status", given, errors) is { } s
            ? Parse(s, SolutionStatus.Proposed, "status", "a status: use proposed, planned, inProgress, done or rejected", errors)
            : (SolutionStatus?)null;
        var added = body.AddEntry is { } e && !IsBlank(e) ? Entry(e, "addEntry", errors) : null;
        if (body.RemoveEntries?.GroupBy(i => i).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            errors["removeEntries"] = [string.Create(CultureInfo.InvariantCulture, $"Entry {twice.Key} is given twice in removeEntries; give each entry to remove once.")];
        }

        return current =>
        {
            if (ForeignMembers(KindName(current), MembersOf(current), body, given).FirstOrDefault() is { Member: { } member, Message: var message })
            {
                throw new JourneyRuleException(JourneyRules.InvalidValue, message, current.Id, new WidgetField(member));
            }

            var named = title ?? current.Title;
            switch (current)
            {
                case MetricWidget metric:
                    var changed = metric with
                    {
                        Title = named,
                        Unit = given.Contains("unit") ? body.Unit ?? "" : metric.Unit,
                        Kind = kind ?? metric.Kind,
                        Direction = direction ?? metric.Direction,
                        Target = given.Contains("target") ? body.Target : metric.Target,
                        WarningThreshold = given.Contains("warningThreshold") ? body.WarningThreshold : metric.WarningThreshold,
                        CriticalThreshold = given.Contains("criticalThreshold") ? body.CriticalThreshold : metric.CriticalThreshold,
                    };
                    var problems = new Dictionary<string, string[]>();
                    CheckLimits(changed, problems);
                    if (problems.FirstOrDefault() is { Key: { } field, Value: var messages })
                    {
                        throw new JourneyRuleException(JourneyRules.InvalidValue, messages[0], metric.Id, new WidgetField(field));
                    }

                    return changed;
                case LinkWidget link:
                    return link with { Title = named, Url = url ?? link.Url };
                case DescriptionWidget description:
                    return description with { Title = named, Markdown = given.Contains("markdown") ? body.Markdown ?? "" : description.Markdown };
                case EmotionWidget emotion:
                    return emotion with
                    {
                        Title = named,
                        Persona = persona ?? emotion.Persona,
                        AsIs = asIs ?? emotion.AsIs,
                        ToBe = given.Contains("toBe") ? toBe : emotion.ToBe,
                        Note = given.Contains("note") ? Optional(body.Note) : emotion.Note,
                    };
                case SolutionWidget solution:
                    return solution with
                    {
                        Title = named,
                        Problem = given.Contains("problem") ? body.Problem?.Trim() ?? "" : solution.Problem,
                        Solution = given.Contains("solution") ? body.Solution?.Trim() ?? "" : solution.Solution,
                        Status = status ?? solution.Status,
                    };
                case FeedbackWidget feedback:
                    var remove = (body.RemoveEntries ?? []).ToHashSet();
                    foreach (var index in remove.Where(i => i < 0 || i >= feedback.Entries.Count))
                    {
                        throw new JourneyRuleException(
                            JourneyRules.InvalidValue,
                            $"There is no entry {index} to remove: the entries count from 0 (the oldest) to {feedback.Entries.Count - 1}; reload to see them.",
                            feedback.Id,
                            new WidgetField("removeEntries"));
                    }

                    var kept = feedback.Entries.Where((_, i) => !remove.Contains(i)).ToList();
                    if (added is not null)
                    {
                        kept.Add(added);
                    }

                    return feedback with { Title = named, Entries = ValueList<FeedbackEntry>.From(kept) };
                default:
                    return current with { Title = named };
            }
        };
    }

    /// <summary>
    /// Adds an error under each member of <paramref name="body"/> that belongs to another widget kind than
    /// <paramref name="kind"/> and carries a value (<c>"unit": "s"</c> to a link): it would be ignored, so it is refused
    /// as an unknown member is. A member sent as <c>null</c> carries nothing and passes (the page's forms send the
    /// number fields of every kind). An unknown <paramref name="kind"/> adds nothing: that is refused under <c>kind</c>.
    /// </summary>
    public static void RefuseForeignMembers(AddWidgetRequest body, IReadOnlySet<string> given, Dictionary<string, string[]> errors)
    {
        if (body.Kind?.ToLowerInvariant() is { } kind && AddMembers.TryGetValue(kind, out var members))
        {
            foreach (var (member, message) in ForeignMembers(kind, members, body, given))
            {
                errors[member] = [message];
            }
        }
    }

    // The members of each kind a widget request may carry besides title (and kind, reason), in the forms' order.
    private static readonly string[] MetricMembers = ["unit", "metricKind", "direction", "target", "warningThreshold", "criticalThreshold"];
    private static readonly string[] LinkMembers = ["url"];
    private static readonly string[] DescriptionMembers = ["markdown"];
    private static readonly string[] EmotionMembers = ["persona", "asIs", "toBe", "note"];
    private static readonly string[] SolutionMembers = ["problem", "solution", "status"];

    private static readonly Dictionary<string, string[]> AddMembers = new()
    {
        ["metric"] = MetricMembers,
        ["link"] = LinkMembers,
        ["description"] = DescriptionMembers,
        ["emotion"] = EmotionMembers,
        ["solution"] = SolutionMembers,
        ["feedback"] = ["entries"],
    };

    private static string[] MembersOf(Widget widget) => widget switch
    {
        MetricWidget => MetricMembers,
        LinkWidget => LinkMembers,
        DescriptionWidget => DescriptionMembers,
        EmotionWidget => EmotionMembers,
        SolutionWidget => SolutionMembers,
        FeedbackWidget => ["addEntry", "removeEntries"],
        _ => [],
    };

    private static string KindName(Widget widget) => widget switch
    {
        MetricWidget => "metric",
        LinkWidget => "link",
        DescriptionWidget => "description",
        EmotionWidget => "emotion",
        SolutionWidget => "solution",
        FeedbackWidget => "feedback",
        UnknownWidget unknown => $"'{unknown.Kind}'",
        _ => $"'{widget.GetType().Name}'",
    };

    // Every member that is some kind's (the rest, title, kind and reason, every widget takes).
    private static readonly HashSet<string> KindMembers = new(
        [.. MetricMembers, .. LinkMembers, .. DescriptionMembers, .. EmotionMembers, .. SolutionMembers, "entries", "addEntry", "removeEntries"],
        StringComparer.OrdinalIgnoreCase);

    // The members sent with a value that are another kind's, each with its sentence, in the body's order.
    private static IEnumerable<(string Member, string Message)> ForeignMembers(string kind, string[] members, WidgetKindFields body, IReadOnlySet<string> given)
    {
        var takes = members.Length == 0 ? "only title" : "title, " + string.Join(", ", members);
        foreach (var member in given)
        {
            if (KindMembers.Contains(member) && !members.Contains(member, StringComparer.OrdinalIgnoreCase) && HasValue(body, member))
            {
                yield return (member, $"'{member}' is not a member a {kind} widget takes; it takes {takes}. Leave it out (null is accepted), or send it to a widget of its own kind.");
            }
        }
    }

    private static bool HasValue(WidgetKindFields body, string member) => member.ToUpperInvariant() switch
    {
        "UNIT" => body.Unit is not null,
        "METRICKIND" => body.MetricKind is not null,
        "DIRECTION" => body.Direction is not null,
        "TARGET" => body.Target is not null,
        "WARNINGTHRESHOLD" => body.WarningThreshold is not null,
        "CRITICALTHRESHOLD" => body.CriticalThreshold is not null,
        "URL" => body.Url is not null,
        "MARKDOWN" => body.Markdown is not null,
        "PERSONA" => body.Persona is not null,
        "ASIS" => body.AsIs is not null,
        "TOBE" => body.ToBe is not null,
        "NOTE" => body.Note is not null,
        "PROBLEM" => body.Problem is not null,
        "SOLUTION" => body.Solution is not null,
        "STATUS" => body.Status is not null,
        "ENTRIES" => body is AddWidgetRequest { Entries: not null },
        "ADDENTRY" => body is ChangeWidgetRequest { AddEntry: not null },
        "REMOVEENTRIES" => body is ChangeWidgetRequest { RemoveEntries: not null },
        _ => false,
    };

    // A metric's target and thresholds must fit its kind (no negative count, no percentage over 100); each one that does
    // not is refused next to its own field. Then their order: from the target towards the critical threshold each limit
    // is no better than the one before, refused next to the later limit in words a person reads (the journey's own
    // message speaks to C# callers: "set Direction = MetricDirection.LowerIsBetter").
    private static void CheckLimits(MetricWidget metric, Dictionary<string, string[]> errors)
    {
        foreach (var (limit, field) in new[] { (metric.Target, "target"), (metric.WarningThreshold, "warningThreshold"), (metric.CriticalThreshold, "criticalThreshold") })
        {
            if (limit is { } value && metric.CheckValue(value) is { } problem)
            {
                errors[field] = [problem];
            }
        }

        if (errors.Count == 0 && OrderProblem(metric) is { } order)
        {
            errors[order.Field] = [order.Message];
        }
    }

    /// <summary>
    /// The first pair of a metric's limits in the wrong order for its direction (the same pairs, in the same order, as the
    /// journey checks): the field of the later limit and a sentence for the person who typed it, for example "The warning
    /// threshold (5) must not be below the target (10) when lower is better: raise it, or choose “higher is better” as the
    /// direction.".
    /// </summary>
    internal static (string Field, string Message)? OrderProblem(MetricWidget metric)
    {
        var pairs = new[]
        {
            (Limit: metric.WarningThreshold, Field: "warningThreshold", Name: "warning threshold", Reference: metric.Target, ReferenceName: "target"),
            (Limit: metric.CriticalThreshold, Field: "criticalThreshold", Name: "critical threshold", Reference: metric.WarningThreshold, ReferenceName: "warning threshold"),
            (Limit: metric.CriticalThreshold, Field: "criticalThreshold", Name: "critical threshold", Reference: metric.Target, ReferenceName: "target"),
        };
        foreach (var (limit, field, name, reference, referenceName) in pairs)
        {
            if (limit is { } l && reference is { } r && metric.IsWorse(r, l))
            {
                var lower = metric.Direction == MetricDirection.LowerIsBetter;
                var (side, direction, other, fix) = lower
                    ? ("must not be below", "lower is better", "higher is better", "raise it")
                    : ("must not be above", "higher is better", "lower is better", "lower it");
                return (field, string.Create(
                    CultureInfo.InvariantCulture,
                    $"The {name} ({l}) {side} the {referenceName} ({r}) when {direction}: {fix}, or choose “{other}” as the direction."));
            }
        }

        return null;
    }

    private static T Parse<T>(string? text, T fallback, string field, string what, Dictionary<string, string[]> errors)
        where T : struct, Enum
    {
        if (text is not { Length: > 0 })
        {
            return fallback;
        }

        if (!EnumNames.TryParse(text, out T value))
        {
            errors[field] = [$"'{text}' is not {what}."];
            return fallback;
        }

        return value;
    }

    private static EmotionScore? Score(int? value, string field, Dictionary<string, string[]> errors)
    {
        if (value is not { } v)
        {
            return null;
        }

        if (v is < EmotionScore.MinValue or > EmotionScore.MaxValue)
        {
            errors[field] = [$"{v} is not on the emotion scale: choose from very negative (−2) to very positive (+2)."];
            return null;
        }

        return new EmotionScore(v);
    }

    private static bool IsBlank(FeedbackEntryRequest e) =>
        string.IsNullOrWhiteSpace(e.Source) && string.IsNullOrWhiteSpace(e.Quote);

    private static FeedbackEntry? Entry(FeedbackEntryRequest? request, string prefix, Dictionary<string, string[]> errors)
    {
        if (request is null)
        {
            errors[prefix] = ["The entry is missing: give its source, quote, sentiment and date."];
            return null;
        }

        var ok = true;
        var source = request.Source?.Trim();
        if (string.IsNullOrEmpty(source))
        {
            errors[prefix + ".source"] = ["Say who gave the feedback (a person, a survey, a channel)."];
            ok = false;
        }

        var quote = request.Quote?.Trim();
        if (string.IsNullOrEmpty(quote))
        {
            errors[prefix + ".quote"] = ["Write what was said."];
            ok = false;
        }

        var sentiment = Parse(request.Sentiment, Sentiment.Neutral, prefix + ".sentiment", "a sentiment: use veryNegative, negative, neutral, positive or veryPositive", errors);
        LocalDate date = default;
        if (RequestDates.Date(request.Date, prefix + ".date", errors) is { } parsed)
        {
            date = parsed;
        }
        else
        {
            ok = false;
        }

        if (!ok || errors.ContainsKey(prefix + ".sentiment"))
        {
            return null;
        }

        var entry = new FeedbackEntry(source!, quote!, sentiment, date);
        if (FeedbackWidget.CheckEntry(entry) is { } problem)
        {
            errors[prefix + ".quote"] = [problem];
            return null;
        }

        return entry;
    }

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>The request field a widget change was refused for, carried among a <see cref="JourneyRuleException"/>'s subjects.</summary>
internal sealed record WidgetField(string Name);
