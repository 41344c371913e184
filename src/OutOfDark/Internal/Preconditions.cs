using System;
using System.Collections.Generic;

namespace OutOfDark.Internal;

/// <summary>
/// The value checks shared by commands, replay and snapshot restore. Each throws a <see cref="JourneyRuleException"/>
/// naming the value and why it is wrong, so a refused command and a refused event read the same.
/// </summary>
internal static class Preconditions
{
    /// <summary>The longest name (journey, phase, activity, actor, channel, tag, …) the model accepts.</summary>
    public const int MaxNameLength = 500;

    /// <summary>The longest free text (description, quote, note) the model accepts.</summary>
    public const int MaxTextLength = 4_000_000;

    public static void Name(string? value, string what)
    {
        if (value is null || string.IsNullOrWhiteSpace(value))
        {
            throw new JourneyRuleException(JourneyRules.InvalidValue, $"The {what} must not be empty.");
        }

        if (value.Length > MaxNameLength)
        {
            throw new JourneyRuleException(JourneyRules.InvalidValue, $"The {what} must be at most {MaxNameLength} characters; it has {value.Length}.");
        }
    }

    public static void OptionalName(string? value, string what)
    {
        if (value is not null)
        {
            Name(value, what);
        }
    }

    public static void Text(string? value, string what)
    {
        if (value is not null && value.Length > MaxTextLength)
        {
            throw new JourneyRuleException(JourneyRules.InvalidValue, $"The {what} must be at most {MaxTextLength} characters; it has {value.Length}.");
        }
    }

    public static void Defined<T>(T value, string what)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new JourneyRuleException(JourneyRules.InvalidValue, $"{value} is not a valid {what}.");
        }
    }

    public static void Names(ValueList<string>? values, string what)
    {
        if (values is null)
        {
            throw new JourneyRuleException(JourneyRules.InvalidValue, $"The {what} list must not be missing.");
        }

        if (values.Count == 1)
        {
            Name(values[0], what);
            return;
        }

        var seen = values.Count == 0 ? null : new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            Name(value, what);
            if (!seen!.Add(value))
            {
                throw new JourneyRuleException(JourneyRules.InvalidValue, $"The {what} '{value}' is listed twice.");
            }
        }
    }
}
