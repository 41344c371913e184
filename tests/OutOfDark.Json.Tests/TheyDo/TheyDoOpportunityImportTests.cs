using System.Linq;
using System.Text.Json;
using NodaTime.Testing;
using OutOfDark.Json.TheyDo;
using Xunit;

namespace OutOfDark.Json.Tests.TheyDo;

/// <summary>TheyDo opportunities landing as first-class opportunities, and going back out.</summary>
public sealed class TheyDoOpportunityImportTests
{
    private static readonly Actor Crm = TheyDoSamples.Crm;
    private readonly Journey _journey = TheyDoSamples.ReturnsJourney(out _, out _);

    private static TheyDoOpportunitiesFile Sample() => TheyDoSamples.Opportunities();

    [Fact]
    public void Opportunities_land_with_title_description_owner_and_an_unmapped_status_is_reported()
    {
        var (added, changed, unmapped) = TheyDoInterchange.ImportOpportunities(_journey, Crm, Sample());

        Assert.Equal((2, 0), (added, changed));
        var label = _journey.GetOpportunity(TheyDoInterchange.OpportunityIdOf(_journey, "opp-label-printing"));
        Assert.Equal(("Print the return label at home", "Customers without a printer queue at the post office.", "care.lead@shop.example", OpportunityStatus.Idea),
            (label.Title, label.Description, label.Owner, label.Status));
        Assert.Equal("Refund on drop-off", _journey.GetOpportunity(TheyDoInterchange.OpportunityIdOf(_journey, "opp-refund-speed")).Title);
        Assert.Equal(["$.opportunities[0].status: \"Validated\" is not a status OutOfDark knows (Idea, Planned, In progress, Done, Dropped); the opportunity keeps its status, or Idea when new."], unmapped);
    }

    [Fact]
    public void A_reimport_changes_nothing_and_a_changed_title_or_status_is_updated_in_place()
    {
        var file = Sample();
        TheyDoInterchange.ImportOpportunities(_journey, Crm, file);
        var version = _journey.Version;

        Assert.Equal((0, 0), (TheyDoInterchange.ImportOpportunities(_journey, Crm, file) is var r ? (r.Added, r.Changed) : default));
        Assert.Equal(version, _journey.Version);

        var renamed = file with { Opportunities = file.Opportunities.SetItem(1, file.Opportunities[1] with { Title = "Refund at the drop-off point", Status = "In progress" }) };
        var (added, changed, _) = TheyDoInterchange.ImportOpportunities(_journey, Crm, renamed);

        Assert.Equal((0, 1), (added, changed));
        Assert.Equal(2, _journey.Opportunities.Count);
        var refund = _journey.GetOpportunity(TheyDoInterchange.OpportunityIdOf(_journey, "opp-refund-speed"));
        Assert.Equal(("Refund at the drop-off point", OpportunityStatus.InProgress), (refund.Title, refund.Status));
    }

    [Fact]
    public void An_absent_description_keeps_the_existing_one()
    {
        var file = Sample();
        TheyDoInterchange.ImportOpportunities(_journey, Crm, file);
        var without = file with { Opportunities = file.Opportunities.SetItem(0, file.Opportunities[0] with { Description = null }) };

        var result = TheyDoInterchange.ImportOpportunities(_journey, Crm, without);

        Assert.Equal((0, 0), (result.Added, result.Changed));
        Assert.Equal("Customers without a printer queue at the post office.", _journey.GetOpportunity(TheyDoInterchange.OpportunityIdOf(_journey, "opp-label-printing")).Description);
    }

    [Fact]
    public void The_result_prints_its_counts_and_unmapped_statuses()
    {
        var result = TheyDoInterchange.ImportOpportunities(_journey, Crm, Sample());

        Assert.Equal("TheyDoOpportunitiesImport { Added = 2, Changed = 0, UnmappedStatuses = [$.opportunities[0].status: \"Validated\" is not a status OutOfDark knows (Idea, Planned, In progress, Done, Dropped); the opportunity keeps its status, or Idea when new.] }", result.ToString());
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("two@at@signs.example")]
    [InlineData("care lead@shop.example")]
    [InlineData("@shop.example")]
    public void An_owner_email_that_is_not_an_address_is_refused_at_its_path(string email)
    {
        var json = $$"""{ "format": "{{TheyDoOpportunitiesFile.Format}}", "opportunities": [ { "importKey": "a", "title": "A" }, { "importKey": "b", "title": "B", "ownerEmail": "{{email}}" } ] }""";

        var ex = Assert.Throws<JourneyFormatException>(() => TheyDoJson.ReadOpportunities(System.Text.Encoding.UTF8.GetBytes(json)));

        Assert.Equal("$.opportunities[1].ownerEmail", ex.Path);
        Assert.StartsWith($"\"{email}\" is not an e-mail address, and ownerEmail must be one (for example \"care.lead@shop.example\"): give the owner's address, or leave ownerEmail out.", ex.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_import_key_is_refused_at_its_path_and_nothing_changes()
    {
        var file = Sample();
        file = file with { Opportunities = file.Opportunities.Add(new TheyDoOpportunity("opp-refund-speed", "Again")) };

        var ex = Assert.Throws<TheyDoImportException>(() => TheyDoInterchange.ImportOpportunities(_journey, Crm, file));

        Assert.Equal("Import key \"opp-refund-speed\" is used a second time (first at $.opportunities[1]): each opportunity needs its own key. (at $.opportunities[2].importKey)", ex.Message);
        Assert.Empty(_journey.Opportunities);
    }

    [Fact]
    public void An_opportunity_the_journey_refuses_is_refused_at_its_path_and_nothing_changes()
    {
        var file = Sample();
        file = file with { Opportunities = file.Opportunities.Add(new TheyDoOpportunity("opp-blank", "   ")) };
        var before = _journey.ToSnapshot();

        var ex = Assert.Throws<TheyDoImportException>(() => TheyDoInterchange.ImportOpportunities(_journey, Crm, file));

        Assert.Equal(("$.opportunities[2]", "opp-blank"), (ex.Path, ex.ImportKey));
        Assert.StartsWith("The journey refuses opportunity \"   \" of import key \"opp-blank\": ", ex.Problem, System.StringComparison.Ordinal);
        Assert.IsType<JourneyRuleException>(ex.InnerException);
        Assert.Equal(before, _journey.ToSnapshot());
    }

    [Fact]
    public void Exported_opportunities_are_a_valid_file_that_imports_back_changing_nothing()
    {
        _journey.AddOpportunity(Crm, "Print the label at home", "Queues at the post office.", status: OpportunityStatus.Planned);
        _journey.AddOpportunity(Crm, "Refund on drop-off", status: OpportunityStatus.Dropped);

        var export = TheyDoInterchange.ExportOpportunities(_journey);
        var exported = TheyDoJson.WriteOpportunities(export.File);

        Assert.Empty(export.Losses);
        TheyDoSamples.AssertValidOpportunities(exported);
        var file = TheyDoJson.ReadOpportunities(exported);
        Assert.Equal(["Planned", "Dropped"], file.Opportunities.Select(o => o.Status));
        var version = _journey.Version;
        var (added, changed, unmapped) = TheyDoInterchange.ImportOpportunities(_journey, Crm, file);
        Assert.Equal((0, 0, 0), (added, changed, unmapped.Count));
        Assert.Equal(version, _journey.Version);

        var other = Journey.Create(Crm, WorkspaceId.New(), "Copy", FakeClock.FromUtc(2026, 10, 1, 9, 0, 0));
        Assert.Equal((2, 0), TheyDoInterchange.ImportOpportunities(other, Crm, file) is var r ? (r.Added, r.Changed) : default);
        Assert.Equal(_journey.Opportunities.Select(o => (o.Id, o.Title, o.Description, o.Status)), other.Opportunities.Select(o => (o.Id, o.Title, o.Description, o.Status)));
    }
}
