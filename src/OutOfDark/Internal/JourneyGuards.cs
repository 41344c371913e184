using System;
using System.Collections.Generic;
using Ardalis.GuardClauses;

namespace OutOfDark.Internal;

/// <summary>
/// The domain's value checks as guard clauses (<c>Guard.Against.InvalidName(name, "phase name")</c>), shared by commands,
/// replay and snapshot restore. Each throws a <see cref="JourneyRuleException"/> with a stable rule code, naming the
/// value and why it is wrong, so a refused command and a refused event read the same. Internal: the public surface
/// never mentions the guard library.
/// </summary>
internal static class JourneyGuards
{
    /// <summary>The longest name (journey, phase, activity, actor, channel, tag, …) the model accepts.</summary>
    public const int MaxNameLength = 500;

    /// <summary>The longest free text (description, quote, note) the model accepts.</summary>
    public const int MaxTextLength = 4_000_000;

    /// <summary>Refuses a missing, blank or too long name, one that cannot be stored as UTF-8, or one holding a control or bidi override character.</summary>
    public static void InvalidName(this IGuardClause guard, string? value, string what)
    {
        if (value is null || string.IsNullOrWhiteSpace(value))
        {
            throw new JourneyRuleException(JourneyRules.InvalidValue, $"The {what} must not be empty.");
        }

        if (value.Length > MaxNameLength)
        {
            throw new JourneyRuleException(JourneyRules.InvalidValue, $"The {what} must be at most {MaxNameLength} characters; it has {value.Length}.");
        }

        guard.InvalidUtf16(value, what);
        guard.InvalidCharacters(value, what, multiLine: false);
    }

    /// <summary>
    /// Refuses text holding a control character (C0 U+0000–U+001F, DEL, C1 U+0080–U+009F) or a bidi embedding or
    /// override (U+202A–U+202E): the first shows as U+FFFD or breaks CSV and terminals, the second reorders the text
    /// around a name (a history line, a message). Bidi isolates (U+2066–U+2069) stay allowed: they cannot leak out.
    /// <paramref name="multiLine"/> text (descriptions, notes) may hold tabs and line breaks.
    /// </summary>
    public static void InvalidCharacters(this IGuardClause guard, string value, string what, bool multiLine)
    {
        _ = guard;
        if (Text.ForbiddenCharacterIndex(value, multiLine) is var at and >= 0)
        {
            var kind = char.IsControl(value[at]) ? "a control character" : "a bidi override character";
            var allowed = multiLine ? " (tabs and line breaks are allowed)" : "";
            throw new JourneyRuleException(JourneyRules.InvalidValue, $"The {what} contains {kind} U+{(int)value[at]:X4} at position {at + 1}; remove it{allowed}.");
        }
    }

    /// <summary>
    /// Refuses a date outside the ISO calendar: every date the model keeps (observations, feedback, planned dates) is
    /// compared with others and written as ISO <c>yyyy-MM-dd</c>, which a Julian or Hebrew date cannot be without being
    /// changed. <see langword="null"/> (none) is accepted.
    /// </summary>
    public static void NonIsoDate(this IGuardClause guard, NodaTime.LocalDate? date, string what)
    {
        if (date is { } value && NonIsoProblem(value, "The " + what) is { } problem)
        {
            throw new JourneyRuleException(JourneyRules.InvalidValue, problem);
        }
    }

    /// <summary>Says that <paramref name="date"/> is outside the ISO calendar and how to convert it, or nothing.</summary>
    /// <param name="date">The date.</param>
    /// <param name="subject">How the sentence names it, e.g. "The observation date".</param>
    /// <returns>The sentence, or <see langword="null"/> for an ISO date.</returns>
    public static string? NonIsoProblem(NodaTime.LocalDate date, string subject) =>
        date.Calendar == NodaTime.CalendarSystem.Iso
            ? null
            : $"{subject} {date} is in the {date.Calendar.Id} calendar; dates are kept in the ISO calendar. Convert it first: date.WithCalendar(CalendarSystem.Iso).";

    /// <summary>Like <see cref="InvalidName"/>, but <see langword="null"/> (none) is accepted.</summary>
    public static void InvalidOptionalName(this IGuardClause guard, string? value, string what)
    {
        if (value is not null)
        {
            guard.InvalidName(value, what);
        }
    }

    /// <summary>Refuses free text that is too long, cannot be stored as UTF-8, or holds a control character other than tab and line breaks or a bidi override; <see langword="null"/> is accepted.</summary>
    public static void InvalidText(this IGuardClause guard, string? value, string what)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length > MaxTextLength)
        {
            throw new JourneyRuleException(JourneyRules.InvalidValue, $"The {what} must be at most {MaxTextLength} characters; it has {value.Length}.");
        }

        guard.InvalidUtf16(value, what);
        guard.InvalidCharacters(value, what, multiLine: true);
    }

    /// <summary>Refuses text holding a lone surrogate: it cannot round-trip through UTF-8 (JSON, SQL, HTML), so it is refused at the command.</summary>
    public static void InvalidUtf16(this IGuardClause guard, string value, string what)
    {
        _ = guard;
        if (Text.LoneSurrogateIndex(value) is var at and >= 0)
        {
            throw new JourneyRuleException(JourneyRules.InvalidValue, $"The {what} must be valid text: it holds a lone surrogate (U+{(int)value[at]:X4}) at index {at}, which cannot be stored as UTF-8. Remove it, or pair it with its other half.");
        }
    }

    /// <summary>Refuses a value that is not one of the enum's defined members.</summary>
    public static void UndefinedValue<T>(this IGuardClause guard, T value, string what)
        where T : struct, Enum
    {
        _ = guard;
        if (!Enum.IsDefined(value))
        {
            throw new JourneyRuleException(JourneyRules.InvalidValue, $"{value} is not a valid {what}.");
        }
    }

    /// <summary>Refuses a missing list, or one with an invalid or repeated name.</summary>
    public static void InvalidNames(this IGuardClause guard, ValueList<string>? values, string what)
    {
        if (values is null)
        {
            throw new JourneyRuleException(JourneyRules.InvalidValue, $"The {what} list must not be missing.");
        }

        if (values.Count == 1)
        {
            guard.InvalidName(values[0], what);
            return;
        }

        var seen = values.Count == 0 ? null : new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            guard.InvalidName(value, what);
            if (!seen!.Add(value))
            {
                throw new JourneyRuleException(JourneyRules.InvalidValue, $"The {what} '{value}' is listed twice.");
            }
        }
    }
}
