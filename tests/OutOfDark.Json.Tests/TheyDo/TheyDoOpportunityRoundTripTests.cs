using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using OutOfDark.Json.TheyDo;
using Xunit;

namespace OutOfDark.Json.Tests.TheyDo;

/// <summary>Opportunities through TheyDo's file and back: what survives, and exactly what is reported lost.</summary>
public sealed class TheyDoOpportunityRoundTripTests
{
    private static readonly Actor Crm = TheyDoSamples.Crm;

    private sealed record Spec(string Title, string? Description, string? Owner, OpportunityStatus Status, OpportunityScores? Scores, int[] LinkedActivities);

    private static Gen<string> Text(int min, int max, params string[] pieces) =>
        Gen.Elements(pieces).ListOf().Where(l => l.Count >= min && l.Count <= max).Select(l => string.Concat(l));

    private static readonly Gen<Spec> Specs =
        from title in Text(1, 12, "Print", " ", "label", "é", "–", "\"", "\\", "<b>", "&", "😀", "数").Where(t => !string.IsNullOrWhiteSpace(t))
        from description in Gen.OneOf(Gen.Constant<string?>(null), Text(0, 8, "Queues", "\n", " ", "**now**", "’").Where(d => d.Length == 0 || !string.IsNullOrWhiteSpace(d)).Select(d => (string?)d))
        from owner in Gen.Elements<string?>(null, "Care team", "care.lead@shop.example")
        from status in Gen.Elements(System.Enum.GetValues<OpportunityStatus>())
        from scores in Gen.OneOf(Gen.Constant<OpportunityScores?>(null), Gen.Choose(1, 5).ArrayOf(3).Select(s => (OpportunityScores?)new OpportunityScores(s[0], s[1], s[2])))
        from links in Gen.SubListOf(new[] { 0, 1, 2 })
        select new Spec(title, description, owner, status, scores, links.ToArray());

    /// <summary>
    /// Exported and imported into another journey, opportunities keep id, title, description and status; TheyDo's file
    /// loses exactly their scores, links and owner, and the export lists each of those per opportunity. Imported back
    /// into their own journey they change nothing.
    /// </summary>
    [FsCheck.Xunit.Property(MaxTest = 60)]
    public Property Opportunities_round_trip_through_theydo_losing_only_what_the_export_reports()
    {
        return Prop.ForAll(Specs.ListOf().Where(l => l.Count < 6).ToArbitrary(), specs =>
        {
            var journey = TheyDoSamples.ReturnsJourney(out var care, out var refund);
            ActivityId[] activities = [refund, journey.AddActivity(Crm, care, "Label"), journey.AddActivity(Crm, care, "Drop-off")];
            foreach (var spec in specs)
            {
                var id = journey.AddOpportunity(Crm, spec.Title, spec.Description, spec.Owner, spec.Status);
                if (spec.Scores is { } scores)
                {
                    journey.ScoreOpportunity(Crm, id, scores);
                }

                foreach (var a in spec.LinkedActivities)
                {
                    journey.LinkOpportunity(Crm, id, OpportunityLink.ToActivity(activities[a]));
                }
            }

            var export = TheyDoInterchange.ExportOpportunities(journey);
            var bytes = TheyDoJson.WriteOpportunities(export.File);
            TheyDoSamples.AssertValidOpportunities(bytes);
            var file = TheyDoJson.ReadOpportunities(bytes);

            var expectedLosses = journey.Opportunities.SelectMany(o => new[]
            {
                (o.Id, TheyDoOpportunityPart.Scores, o.Scores is not null),
                (o.Id, TheyDoOpportunityPart.Links, o.Links.Count > 0),
                (o.Id, TheyDoOpportunityPart.Owner, o.Owner is not null),
            }.Where(x => x.Item3).Select(x => (x.Id, x.Item2)));
            Assert.Equal(expectedLosses, export.Losses.Select(l => (l.Opportunity, l.Lost)));

            var other = TheyDoSamples.ReturnsJourney(out _, out _);
            var (added, changed, unmapped) = TheyDoInterchange.ImportOpportunities(other, Crm, file);
            Assert.Equal((specs.Count, 0, 0), (added, changed, unmapped.Count));
            Assert.Equal(journey.Opportunities.Select(o => o with { Scores = null, Links = ValueList<OpportunityLink>.Empty, Owner = null }), other.Opportunities);

            var version = journey.Version;
            Assert.Equal((0, 0, 0), TheyDoInterchange.ImportOpportunities(journey, Crm, file) is var again ? (again.Added, again.Changed, again.UnmappedStatuses.Count) : default);
            Assert.Equal(version, journey.Version);
        });
    }
}
