using System;
using System.Collections.Generic;
using System.Text;

namespace OutOfDark.Rendering;

/// <summary>Wraps a label into a few lines of at most a given width, truncating with an ellipsis.</summary>
internal static class LineWrap
{
    /// <summary>Splits <paramref name="text"/> at spaces into at most <paramref name="maxLines"/> lines of at most <paramref name="width"/> characters.</summary>
    /// <returns>The lines; the last one ends with "…" when text was cut.</returns>
    public static List<string> Wrap(string text, int width, int maxLines)
    {
        var lines = new List<string>(maxLines);
        var clean = Collapse(text);
        var position = 0;
        while (position < clean.Length && lines.Count < maxLines)
        {
            var remaining = clean.Length - position;
            if (remaining <= width)
            {
                lines.Add(clean[position..]);
                position = clean.Length;
                break;
            }

            var cut = clean.LastIndexOf(' ', position + width, width);
            var end = cut > position ? cut : position + width;
            if (end < clean.Length && char.IsLowSurrogate(clean[end]))
            {
                end--;
            }

            lines.Add(clean[position..end]);
            position = end;
            while (position < clean.Length && clean[position] == ' ')
            {
                position++;
            }
        }

        if (position < clean.Length && lines.Count > 0)
        {
            var last = lines[^1];
            var keep = Math.Max(0, Math.Min(last.Length, width - 1));
            if (keep > 0 && char.IsHighSurrogate(last[keep - 1]))
            {
                keep--;
            }

            lines[^1] = last[..keep].TrimEnd() + "…";
        }

        return lines;
    }

    private static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = true;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!space)
                {
                    builder.Append(' ');
                    space = true;
                }
            }
            else
            {
                builder.Append(c);
                space = false;
            }
        }

        return builder.ToString().TrimEnd();
    }
}
