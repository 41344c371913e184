using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using OutOfDark.Warnings;

namespace OutOfDark.Samples.Quickstart;

/// <summary>Prints the Warnings view as a plain-text table.</summary>
internal static class WarningsTable
{
    public static void Write(TextWriter output, Journey journey, IReadOnlyList<WarningViewItem> items)
    {
        if (items.Count == 0)
        {
            output.WriteLine("  No warnings need attention.");
            return;
        }

        var rows = items.Select(i => new[]
        {
            i.Severity.ToString().ToUpperInvariant(),
            Clip(i.SubjectName, 28),
            i.PhaseId is { } phase ? journey.GetPhase(phase).Name : "",
            i.Owner ?? "(none)",
            i.State.ToString().ToLowerInvariant(),
            i.Warning.Message,
        }).ToList();
        string[] header = ["Severity", "Subject", "Phase", "Owner", "State", "Warning"];
        var widths = Enumerable.Range(0, header.Length - 1).Select(c => Math.Max(header[c].Length, rows.Max(r => r[c].Length))).ToArray();

        output.WriteLine("  " + Line(header, widths));
        output.WriteLine("  " + string.Join("  ", widths.Select(w => new string('-', w))) + "  " + new string('-', 40));
        foreach (var row in rows)
        {
            output.WriteLine("  " + Line(row, widths));
        }

        var counts = items.GroupBy(i => i.Severity).OrderByDescending(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}");
        output.WriteLine($"  {items.Count} warnings: {string.Join(", ", counts)}");
    }

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Take(widths.Length).Select((c, i) => c.PadRight(widths[i]))) + "  " + cells[^1];

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
