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
    /// <summary>
    /// The longest name (journey, phase, activity, actor, channel, tag, …) the model accepts, in characters: Unicode
    /// scalar values, so an emoji outside the Basic Multilingual Plane counts as one (<see cref="Text.CharacterCount"/>).
    /// </summary>
    public const int MaxNameLength = 500;

    /// <summary>The longest free text (description, quote, note) the model accepts, in characters (Unicode scalar values).</summary>
    public const int MaxTextLength = 4_000_000;

    /// <summary>
    /// Refuses a missing, blank or too long name, one with no visible character (only white space, format characters
    /// such as U+200B or combining marks), one that cannot be stored as UTF-8, or one holding a control, bidi override,
    /// line separator or unbalanced bidi isolate character.
    /// </summary>
    public static void InvalidName(this IGuardClause guard, string? value, string what)
    {
        if (string.IsNullOrEmpty(value))
        {
            // White space alone is not empty: Invisible below says it has no visible character.
            throw new JourneyRuleException(JourneyRules.InvalidValue, $"The {what} must not be empty.");
        }

        TooLong(value, MaxNameLength, what);
        guard.InvalidUtf16(value, what);
        guard.InvalidCharacters(value, what, multiLine: false);
        guard.Invisible(value, what);
    }

    /// <summary>
    /// Refuses a name in which no character shows (<see cref="Text.HasVisibleCharacter"/>): zero-width spaces and
    /// joiners, word joiners, byte order marks, soft hyphens, variation selectors or combining marks without a base. Such
    /// a name reads as blank in every list and cannot be told apart from another.
    /// </summary>
    public static void Invisible(this IGuardClause guard, string value, string what)
    {
        _ = guard;
        if (!Text.HasVisibleCharacter(value))
        {
            throw new JourneyRuleException(JourneyRules.InvalidValue, $"The {what} has no visible character (only white space, format characters such as U+200B or combining marks); type a name.");
        }
    }

    /// <summary>Refuses text of more than <paramref name="limit"/> characters, counted as Unicode scalar values.</summary>
    private static void TooLong(string value, int limit, string what)
    {
        if (value.Length > limit && Text.CharacterCount(value) is var count && count > limit)
        {
            throw new JourneyRuleException(JourneyRules.InvalidValue, $"The {what} must be at most {limit} characters; it has {count}.");
        }
    }

    /// <summary>
    /// Refuses text holding a control character (C0 U+0000–U+001F, DEL, C1 U+0080–U+009F), a bidi embedding or
    /// override (U+202A–U+202E) or an unbalanced bidi isolate (U+2066–U+2068 never closed by U+2069, or U+2069 with none
    /// open): the first shows as U+FFFD or breaks CSV and terminals, the others reorder the text around a name (a
    /// history line, a message). Balanced isolates stay allowed: they cannot leak out. A name (not
    /// <paramref name="multiLine"/>) may not hold a line or paragraph separator (U+2028, U+2029) either;
    /// <paramref name="multiLine"/> text (descriptions, notes) may hold tabs and line breaks.
    /// </summary>
    public static void InvalidCharacters(this IGuardClause guard, string value, string what, bool multiLine)
    {
        _ = guard;
        if (Text.ForbiddenCharacterIndex(value, multiLine, out var found) is var at and >= 0)
        {
            // The position counts characters (a surrogate pair, such as an emoji, is one), from 1, as people count them.
            var code = $"U+{(int)value[at]:X4} at position {Text.CharacterCount(value.AsSpan(0, at)) + 1}";
            var allowed = multiLine ? " (tabs and line breaks are allowed)" : "";
            throw new JourneyRuleException(JourneyRules.InvalidValue, found switch
            {
                Text.Forbidden.Control => $"The {what} contains a control character {code}; remove it{allowed}.",
                Text.Forbidden.BidiOverride => $"The {what} contains a bidi override character {code}; remove it{allowed}.",
                Text.Forbidden.LineSeparator => $"The {what} contains a line separator {code}; it is one line of text: remove it.",
                Text.Forbidden.UnclosedIsolate => $"The {what} contains a bidi isolate {code} that is never closed; close it with U+2069 or remove it.",
                _ => $"The {what} contains a bidi isolate end {code} with no isolate open; remove it, or open the isolate before it (U+2066–U+2068).",
            });
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

    /// <summary>Refuses free text that is too long, cannot be stored as UTF-8, or holds a control character other than tab and line breaks, a bidi override or an unbalanced bidi isolate; <see langword="null"/> is accepted.</summary>
    public static void InvalidText(this IGuardClause guard, string? value, string what)
    {
        if (value is null)
        {
            return;
        }

        TooLong(value, MaxTextLength, what);
        guard.InvalidUtf16(value, what);
        guard.InvalidCharacters(value, what, multiLine: true);
        guard.InvisibleText(value, what);
    }

    public static void InvisibleText(this IGuardClause guard, string value, string what)
    {
        _ = guard;
        if (value.Length > 0 && !Text.HasVisibleCharacter(value))
        {
            throw new JourneyRuleException(JourneyRules.InvalidValue, $"The {what} has no visible character (only white space, format characters such as U+200B or combining marks); type some text, or leave it empty.");
        }
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

    /// <summary>The most names a list of an activity holds (its channels, its tags).</summary>
    public const int MaxListCount = 50;

    /// <summary>Refuses a missing list, one of more than <see cref="MaxListCount"/> names, or one with an invalid or repeated name.</summary>
    public static void InvalidNames(this IGuardClause guard, ValueList<string>? values, string what)
    {
        if (values is null)
        {
            throw new JourneyRuleException(JourneyRules.InvalidValue, $"The {what} list must not be missing.");
        }

        if (values.Count > MaxListCount)
        {
            throw new JourneyRuleException(JourneyRules.InvalidValue, $"An activity holds at most {MaxListCount} {what}s; this list has {values.Count}. Remove some, or group them under broader {what}s.");
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
