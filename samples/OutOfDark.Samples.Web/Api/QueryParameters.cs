using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Extensions.Primitives;

namespace OutOfDark.Samples.Web.Api;

/// <summary>
/// The query-string syntax every list endpoint shares: a list parameter (<c>severity</c>, <c>state</c>) is repeated or
/// takes names separated by single commas, each exactly a name (no spaces around it, none empty: <c>severity=</c>,
/// <c>critical,,warning</c> and <c>critical%20</c> are refused, naming the parameter); every other parameter is given at most once (a repeat is refused, naming it); a
/// number outside its range or unreadable is refused, naming the parameter and the range.
/// </summary>
internal static class QueryParameters
{
    // A single-valued parameter given twice is refused: silently taking one of them would answer another question.
    internal static string? One(StringValues values, string field, Dictionary<string, string[]> errors)
    {
        if (values.Count > 1)
        {
            errors[field] = [$"'{field}' takes one value but was given {values.Count}; give it once."];
            return null;
        }

        return values.Count == 0 || string.IsNullOrEmpty(values[0]) ? null : values[0];
    }

    internal static List<TEnum>? Several<TEnum>(StringValues values, string field, string choices, Dictionary<string, string[]> errors)
        where TEnum : struct, Enum
    {
        // Each name is matched exactly (ignoring case): Enum.TryParse would read "info,critical" as a flags OR and
        // accept numbers.
        var list = new List<TEnum>();
        foreach (var value in values)
        {
            foreach (var name in (value ?? string.Empty).Split(','))
            {
                if (name.Length == 0)
                {
                    errors[field] = [$"'{field}' has an empty name ('{field}=' with nothing after it, or two commas together): give names separated by single commas, such as {field}={First(choices)}, or leave '{field}' out. Use {choices}."];
                    return null;
                }

                if (!EnumNames.TryParse(name, out TEnum parsed))
                {
                    errors[field] = [$"'{name}' is not a {field}: use {choices}."];
                    return null;
                }

                if (!list.Contains(parsed))
                {
                    list.Add(parsed);
                }
            }
        }

        return list.Count == 0 ? null : list;
    }

    private static string First(string choices) => choices.Split(',', ' ')[0];

    internal static int Number(StringValues values, string field, int fallback, int min, int max, Dictionary<string, string[]> errors)
    {
        if (One(values, field, errors) is not { } text)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        errors[field] = [$"'{text}' is not a whole number from {min} to {max}."];
        return fallback;
    }
}
