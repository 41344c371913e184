using System;
using System.Collections.Generic;
using System.Text;

namespace OutOfDark.Rendering;

/// <summary>How user text goes into a CSV cell and back.</summary>
internal static class CsvCells
{
    /// <summary>
    /// Guards a text cell against formula injection: a cell starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab,
    /// a carriage return or an apostrophe gets an apostrophe in front (spreadsheets show it as text), which
    /// <see cref="Unguard"/> removes on import.
    /// </summary>
    public static string Guard(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\'' ? "'" + text : text;

    /// <summary>Undoes <see cref="Guard"/>.</summary>
    public static string Unguard(string text) => text.StartsWith('\'') ? text[1..] : text;

    /// <summary>Joins a list with <c>|</c>, escaping <c>|</c> and <c>\</c> with a backslash.</summary>
    public static string JoinList(IEnumerable<string> items)
    {
        var builder = new StringBuilder();
        var first = true;
        foreach (var item in items)
        {
            if (!first)
            {
                builder.Append('|');
            }

            first = false;
            foreach (var c in item)
            {
                if (c is '|' or '\\')
                {
                    builder.Append('\\');
                }

                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Splits a list joined by <see cref="JoinList"/>.</summary>
    /// <exception cref="FormatException">The text ends with a lone backslash.</exception>
    public static List<string> SplitList(string text)
    {
        var items = new List<string>();
        if (text.Length == 0)
        {
            return items;
        }

        var current = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\')
            {
                if (++i >= text.Length)
                {
                    throw new FormatException("the list ends with a lone backslash; write \\\\ for a backslash and \\| for a bar.");
                }

                current.Append(text[i]);
            }
            else if (c == '|')
            {
                items.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        items.Add(current.ToString());
        return items;
    }
}
