using NodaTime.Testing;
using OutOfDark.Comparison;
using Xunit;

namespace OutOfDark.Rendering.Tests;

public class ComparisonReportTests
{
    private static readonly Actor Ana = new("ana");

    [Fact]
    public void The_report_shows_the_comparison_with_every_name_escaped()
    {
        var clock = FakeClock.FromUtc(2026, 10, 1, 9, 0, 0);
        var workspace = WorkspaceId.New();
        var asIs = Journey.Create(Ana, workspace, "Returns today", clock);
        var care = asIs.AddPhase(Ana, "Care");
        asIs.AddActivity(Ana, care, "Call <centre>");
        var form = asIs.AddActivity(Ana, care, "Return form");
        var toBe = Journey.Create(Ana, workspace, "Returns 2027", clock);
        var care2 = toBe.AddPhase(Ana, "Care");
        toBe.AddActivity(Ana, care2, "Self-service & free");
        var form2 = toBe.AddActivity(Ana, care2, "Return form v2");
        toBe.PairWith(Ana, asIs.Id);
        toBe.MatchActivity(Ana, form2, form);
        var comparison = JourneyComparison.Compare(asIs, toBe);

        var html = HtmlReportRenderer.ToHtml(toBe, new HtmlReportOptions { Comparison = comparison });

        Assert.Contains("<h2>Current state against future state</h2>", html, System.StringComparison.Ordinal);
        Assert.Contains("1 added · 1 removed · 1 changed · 0 unchanged", html, System.StringComparison.Ordinal);
        Assert.Contains("<tr><td>added</td><td>Care</td><td>Self-service &amp; free</td>", html, System.StringComparison.Ordinal);
        Assert.Contains("<tr><td>removed</td><td>Care</td><td>Call &lt;centre&gt;</td>", html, System.StringComparison.Ordinal);
        Assert.Contains("<td>Return form → Return form v2</td><td>name &quot;Return form&quot; → &quot;Return form v2&quot;</td>", html, System.StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"comparison\"", HtmlReportRenderer.ToHtml(toBe), System.StringComparison.Ordinal);
    }
}
