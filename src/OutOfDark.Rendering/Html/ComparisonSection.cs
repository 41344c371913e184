using System.Collections.Generic;
using System.Globalization;
using System.IO;
using NodaTime;
using OutOfDark.Comparison;

namespace OutOfDark.Rendering;

/// <summary>The report's "Current state against future state" section: what an as-is / to-be comparison found.</summary>
internal static class ComparisonSection
{
    /// <summary>Writes the section; counts in <paramref name="culture"/>, the comparison's own lines localized as <see cref="DisplayText.Localize(string, NodaTime.DateTimeZone, System.Globalization.CultureInfo)"/> does.</summary>
    public static void Write(TextWriter w, JourneyComparison comparison, DateTimeZone zone, CultureInfo culture)
    {
        w.Write("<section id=\"comparison\"><h2>Current state against future state</h2>\n<p class=\"meta\">");
        w.Write(Numbers.Integer(comparison.Added.Count, culture));
        w.Write(" added · ");
        w.Write(Numbers.Integer(comparison.Removed.Count, culture));
        w.Write(" removed · ");
        w.Write(Numbers.Integer(comparison.Changed.Count, culture));
        w.Write(" changed · ");
        w.Write(Numbers.Integer(comparison.Unchanged, culture));
        w.Write(" unchanged</p>\n");
        if (comparison.IsEmpty)
        {
            w.Write("<p class=\"meta\">The two journeys do not differ.</p></section>\n");
            return;
        }

        w.Write("<table><thead><tr><th>Change</th><th>Phase</th><th>Activity</th><th>What differs</th></tr></thead><tbody>\n");
        foreach (var a in comparison.Added)
        {
            Row(w, "added", a.Phase, a.Name, [], zone, culture);
        }

        foreach (var r in comparison.Removed)
        {
            Row(w, "removed", r.Phase, r.Name, [], zone, culture);
        }

        foreach (var c in comparison.Changed)
        {
            Row(w, "changed", c.ToBe.Phase, c.AsIs.Name == c.ToBe.Name ? c.ToBe.Name : c.AsIs.Name + " → " + c.ToBe.Name, JourneyComparison.Describe(c), zone, culture);
        }

        w.Write("</tbody></table>\n");
        if (comparison.Phases.Count > 0)
        {
            w.Write("<h3>Phases</h3><table><thead><tr><th>Phase</th><th>Added</th><th>Removed</th><th>Changed</th><th>KPI and emotion deltas</th></tr></thead><tbody>\n");
            foreach (var p in comparison.Phases)
            {
                w.Write("<tr><td>");
                Markup.Write(w, p.Phase);
                if (p.InAsIs != p.InToBe)
                {
                    w.Write(p.InToBe ? " (new)" : " (dropped)");
                }

                w.Write("</td><td>");
                w.Write(Numbers.Integer(p.Added, culture));
                w.Write("</td><td>");
                w.Write(Numbers.Integer(p.Removed, culture));
                w.Write("</td><td>");
                w.Write(Numbers.Integer(p.Changed, culture));
                w.Write("</td><td>");
                foreach (var k in p.Kpis)
                {
                    if (k.Differs)
                    {
                        Markup.Write(w, DisplayText.Localize(JourneyComparison.Describe(k), zone, culture));
                        w.Write("<br>");
                    }
                }

                foreach (var e in p.Emotions)
                {
                    if (e.Differs)
                    {
                        Markup.Write(w, DisplayText.Localize(JourneyComparison.Describe(e), zone, culture));
                        w.Write("<br>");
                    }
                }

                w.Write("</td></tr>\n");
            }

            w.Write("</tbody></table>\n");
        }

        w.Write("</section>\n");
    }

    private static void Row(TextWriter w, string change, string phase, string activity, IReadOnlyList<string> details, DateTimeZone zone, CultureInfo culture)
    {
        w.Write("<tr><td>");
        w.Write(change);
        w.Write("</td><td>");
        Markup.Write(w, phase);
        w.Write("</td><td>");
        Markup.Write(w, activity);
        w.Write("</td><td>");
        for (var i = 0; i < details.Count; i++)
        {
            if (i > 0)
            {
                w.Write("<br>");
            }

            Markup.Write(w, DisplayText.Localize(details[i], zone, culture));
        }

        w.Write("</td></tr>\n");
    }
}
