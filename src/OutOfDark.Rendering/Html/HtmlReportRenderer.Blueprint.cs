using System.Collections.Generic;
using System.IO;
using System.Threading;
using OutOfDark.Warnings;

namespace OutOfDark.Rendering;

/// <summary>The report's service blueprint and opportunities sections.</summary>
public static partial class HtmlReportRenderer
{
    private static void WriteBlueprint(Journey journey, TextWriter w, HtmlReportOptions options, IReadOnlyList<Warning> shown, CancellationToken cancellationToken)
    {
        w.Write("<section id=\"blueprint\"><h2>Service blueprint</h2>\n<p class=\"meta\">Each activity in its lane. Above the line of interaction: what the customer does; between it and the line of visibility: what the customer sees; below it: what the company does out of sight, and the support processes below the line of internal interaction.</p><div class=\"map\" role=\"region\" tabindex=\"0\" aria-label=\"Service blueprint, scrolls sideways on a narrow screen\">\n");
        var layout = ActivityMapLayout.Compute(journey, (options.Layout ?? LayoutOptions.Default) with { ServiceBlueprint = true });
        SvgMapRenderer.Write(journey, layout, w, new SvgMapOptions { Warnings = shown, TimeZone = options.TimeZone, Culture = options.Culture }, cancellationToken);
        w.Write("</div></section>\n");
    }

    private static void WriteOpportunities(Journey journey, TextWriter w, HtmlReportOptions options)
    {
        w.Write("<section id=\"opportunities\"><h2>Opportunities</h2>\n");
        if (journey.Opportunities.Count == 0)
        {
            w.Write("<p class=\"meta\">No opportunities yet.</p></section>\n");
            return;
        }

        var matrix = OpportunityMatrix.Compute(journey, options.OpportunityPriority);
        w.Write("<p class=\"meta\">Ranked by priority: ");
        w.Write(options.OpportunityPriority is null ? "(customer value + business value) ÷ effort, each scored 1–5" : "the host's formula");
        w.Write(". Unscored opportunities come last.</p>\n");
        w.Write("<div class=\"table-box\" role=\"region\" tabindex=\"0\" aria-label=\"Opportunities table\"><table class=\"opportunities\"><thead><tr><th>#</th><th>Opportunity</th><th>Status</th><th>Owner</th><th>Customer value</th><th>Business value</th><th>Effort</th><th>Priority</th><th>Quadrant</th><th>Addresses</th></tr></thead><tbody>\n");
        foreach (var r in OpportunityPriority.Rank(journey, options.OpportunityPriority))
        {
            var o = r.Opportunity;
            w.Write("<tr><td>");
            w.Write(Numbers.Integer(r.Rank, options.Culture));
            w.Write("</td><td>");
            Markup.Write(w, o.Title);
            if (o.Description is { } description)
            {
                w.Write("<div class=\"text meta\">");
                Markup.Write(w, description);
                w.Write("</div>");
            }

            w.Write("</td><td>");
            w.Write(StatusText(o.Status));
            w.Write("</td><td>");
            Markup.Write(w, o.Owner);
            w.Write("</td>");
            if (o.Scores is { } s)
            {
                w.Write($"<td>{Numbers.Integer(s.CustomerValue, options.Culture)}</td><td>{Numbers.Integer(s.BusinessValue, options.Culture)}</td><td>{Numbers.Integer(s.Effort, options.Culture)}</td><td>{Numbers.Exact(r.Priority!.Value, options.Culture)}</td><td>{QuadrantText(OpportunityPriority.QuadrantOf(s))}</td>");
            }
            else
            {
                w.Write("<td colspan=\"5\" class=\"meta\">not scored</td>");
            }

            w.Write("<td>");
            if (o.Links.Count > 0)
            {
                w.Write("<ul>");
                foreach (var link in o.Links)
                {
                    w.Write("<li>");
                    Markup.Write(w, journey.DescribeLink(link));
                    w.Write("</li>");
                }

                w.Write("</ul>");
            }

            w.Write("</td></tr>\n");
        }

        w.Write("</tbody></table></div>\n");
        WriteMatrix(journey, w, matrix, options);
        w.Write("</section>\n");
    }

    private static void WriteMatrix(Journey journey, TextWriter w, OpportunityMatrix m, HtmlReportOptions options)
    {
        var p = m.Plot;
        w.Write($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart matrix\" role=\"img\" viewBox=\"0 0 {Numbers.Coordinate(m.Width)} {Numbers.Coordinate(m.Height)}\" width=\"{Numbers.Coordinate(m.Width)}\" height=\"{Numbers.Coordinate(m.Height)}\" style=\"max-width:{Numbers.Coordinate(m.Width)}px\" font-size=\"11\" font-family=\"system-ui, sans-serif\"><title>Prioritisation matrix: value × effort</title>\n");
        string[] fills = ["#dcfce7", "#dbeafe", "#f1f5f9", "#fee2e2"];
        foreach (var q in m.Quadrants)
        {
            var b = q.Bounds;
            w.Write($"<rect x=\"{Numbers.Coordinate(b.X)}\" y=\"{Numbers.Coordinate(b.Y)}\" width=\"{Numbers.Coordinate(b.Width)}\" height=\"{Numbers.Coordinate(b.Height)}\" fill=\"{fills[(int)q.Quadrant]}\"/>");
            w.Write($"<text x=\"{Numbers.Coordinate(b.X + 6)}\" y=\"{Numbers.Coordinate(b.Y + 14)}\" fill=\"#475569\">{QuadrantText(q.Quadrant)}</text>\n");
        }

        w.Write($"<text x=\"{Numbers.Coordinate(p.X + (p.Width / 2))}\" y=\"{Numbers.Coordinate(p.Bottom + 30)}\" text-anchor=\"middle\" fill=\"#0f172a\">effort → (1–5)</text>");
        w.Write($"<text transform=\"translate({Numbers.Coordinate(p.X - 30)},{Numbers.Coordinate(p.Y + (p.Height / 2))}) rotate(-90)\" text-anchor=\"middle\" fill=\"#0f172a\">value → (mean of customer and business, 1–5)</text>\n");
        foreach (var point in m.Points)
        {
            var o = journey.GetOpportunity(point.OpportunityId);
            w.Write($"<g class=\"matrix-point\"><title>");
            Markup.Write(w, $"#{Numbers.Integer(point.Rank, options.Culture)} {o.Title}: value {Numbers.Exact(point.Value, options.Culture)}, effort {Numbers.Integer(point.Effort, options.Culture)}, priority {Numbers.Exact(point.Priority, options.Culture)}");
            w.Write($"</title><circle cx=\"{Numbers.Coordinate(point.Center.X)}\" cy=\"{Numbers.Coordinate(point.Center.Y)}\" r=\"9\" fill=\"#1d4ed8\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>");
            w.Write($"<text x=\"{Numbers.Coordinate(point.Center.X)}\" y=\"{Numbers.Coordinate(point.Center.Y + 3.5)}\" text-anchor=\"middle\" fill=\"#ffffff\" font-weight=\"600\">{Numbers.Integer(point.Rank, options.Culture)}</text></g>\n");
        }

        w.Write("</svg>\n");
    }

    private static string StatusText(OpportunityStatus status) => status switch
    {
        OpportunityStatus.Idea => "idea",
        OpportunityStatus.Planned => "planned",
        OpportunityStatus.InProgress => "in progress",
        OpportunityStatus.Done => "done",
        _ => "dropped",
    };

    private static string QuadrantText(OpportunityQuadrant quadrant) => quadrant switch
    {
        OpportunityQuadrant.QuickWin => "quick win",
        OpportunityQuadrant.BigBet => "big bet",
        OpportunityQuadrant.FillIn => "fill-in",
        _ => "money pit",
    };
}
