using System;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using OutOfDark.Events;
using OutOfDark.Testing;
using Xunit;

namespace OutOfDark.Json.Tests;

/// <summary>A widget kind an integrator defines in their own assembly.</summary>
[WidgetKind("crm.case-stats")]
public sealed record CaseStatsWidget(WidgetId Id, string Title, int OpenCases, string Queue) : Widget(Id, Title)
{
    protected override string? Validate() => OpenCases < 0 ? $"Open cases cannot be negative; got {OpenCases}." : null;
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(CaseStatsWidget))]
internal sealed partial class IntegratorJsonContext : JsonSerializerContext;

public sealed class WidgetKindTests
{
    private static readonly JourneyJsonSerializer WithCaseStats = new(new JourneyJsonOptions
    {
        WidgetKinds = new WidgetKindRegistry().Register(IntegratorJsonContext.Default.CaseStatsWidget),
    });

    private static (Journey Journey, WidgetId Widget) JourneyWithCaseStats()
    {
        var journey = SampleJourneys.Store();
        var activity = journey.Activities[0].Id;
        var widget = journey.AddWidget(new Actor("crm-sync"), activity, new CaseStatsWidget(WidgetId.New(), "Open cases", 12, "returns"));
        journey.ChangeWidget(new Actor("crm-sync"), new CaseStatsWidget(widget, "Open cases", 9, "returns"), "nightly sync");
        return (journey, widget);
    }

    [Fact]
    public void A_custom_widget_kind_survives_a_trip_through_the_document()
    {
        var (journey, widget) = JourneyWithCaseStats();

        var bytes = WithCaseStats.SerializeDocument(journey.ToSnapshot());
        var read = WithCaseStats.DeserializeDocument(bytes);

        Assert.Equal(journey.ToSnapshot(), read);
        var stats = Assert.IsType<CaseStatsWidget>(read.Activities[0].Widgets.Single(w => w.Id == widget));
        Assert.Equal((9, "returns"), (stats.OpenCases, stats.Queue));
        Assert.Contains("\"kind\":\"crm.case-stats\",\"id\":\"" + widget + "\",\"title\":\"Open cases\",\"openCases\":9,\"queue\":\"returns\"", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void A_custom_widget_kind_keeps_its_history_through_an_event_stream()
    {
        var (journey, widget) = JourneyWithCaseStats();

        var events = WithCaseStats.DeserializeEventStream(WithCaseStats.SerializeEventStream(journey.PendingEvents));

        Assert.Equal(journey.PendingEvents, events);
        var changed = events.OfType<WidgetChanged>().Single();
        Assert.Equal(("crm-sync", "nightly sync"), (changed.Actor, changed.Reason));
        var history = new OutOfDark.JourneyHistory(events, FakeClock.At(2026, 12, 1));
        var added = Assert.Single(history.ForActivity(journey.Activities[0].Id), h => h.Event is WidgetAdded { Widget: CaseStatsWidget { OpenCases: 12 } });
        Assert.Contains("crm.case-stats", added.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_custom_widget_whose_content_breaks_its_own_rule_is_refused()
    {
        var (journey, widget) = JourneyWithCaseStats();
        var document = JsonNode.Parse(WithCaseStats.SerializeDocument(journey.ToSnapshot()))!;
        var widgets = document["activities"]![0]!["widgets"]!.AsArray();
        var index = widgets.Select((w, i) => (w, i)).Single(x => x.w!["id"]!.GetValue<string>() == widget.ToString()).i;
        widgets[index]!["openCases"] = -1;

        var ex = Assert.Throws<JourneyFormatException>(() => WithCaseStats.DeserializeDocument(SampleJourneys.Bytes(document)));

        Assert.Equal($"$.activities[0].widgets[{index}]", ex.Path);
        Assert.Contains("Open cases cannot be negative", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reader_that_does_not_know_a_kind_keeps_it_verbatim_and_writes_it_back_unchanged()
    {
        var (journey, widget) = JourneyWithCaseStats();
        var written = WithCaseStats.SerializeDocument(journey.ToSnapshot());

        var older = JourneyJsonSerializer.Default.DeserializeDocument(written);
        var unknown = Assert.IsType<UnknownWidget>(older.Activities[0].Widgets.Single(w => w.Id == widget));
        var rewritten = JourneyJsonSerializer.Default.SerializeDocument(older);

        Assert.Equal(("crm.case-stats", "Open cases"), (unknown.Kind, unknown.Title));
        Assert.Equal(Encoding.UTF8.GetString(written), Encoding.UTF8.GetString(rewritten));
        Assert.Equal(journey.ToSnapshot(), WithCaseStats.DeserializeDocument(rewritten));
    }

    [Fact]
    public void An_unknown_kind_with_nested_content_survives_load_and_save()
    {
        var document = SampleJourneys.DocumentNode();
        document["activities"]![2]!["widgets"]!.AsArray().Add(JsonNode.Parse("""
            {"kind":"vendor.heatmap","id":"3b241101-e2bb-4255-8caf-4136c566a962","title":"Clicks","cells":[[1,2.50,null],{"x":"é\u2028"}],"scale":1E+3,"note":null}
            """));
        var bytes = SampleJourneys.Bytes(document);

        var read = JourneyJsonSerializer.Default.DeserializeDocument(bytes);
        var again = JourneyJsonSerializer.Default.SerializeDocument(read);

        var unknown = Assert.IsType<UnknownWidget>(read.Activities[2].Widgets[^1]);
        Assert.Equal("vendor.heatmap", unknown.KindName());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(bytes), JsonNode.Parse(again)));
        Assert.Equal(again, JourneyJsonSerializer.Default.SerializeDocument(JourneyJsonSerializer.Default.DeserializeDocument(again)));
    }

    [Fact]
    public void A_widget_type_nobody_registered_cannot_be_written()
    {
        var (journey, _) = JourneyWithCaseStats();

        var ex = Assert.Throws<InvalidOperationException>(() => JourneyJsonSerializer.Default.SerializeDocument(journey.ToSnapshot()));

        Assert.Contains("JourneyJsonOptions.WidgetKinds", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("metric")]
    [InlineData("Bad Kind")]
    [InlineData("")]
    public void Registering_a_taken_or_malformed_kind_name_is_refused(string kind)
    {
        Assert.Throws<ArgumentException>(() => new WidgetKindRegistry().Register(kind, IntegratorJsonContext.Default.CaseStatsWidget));
    }

    [Fact]
    public void Registering_one_type_twice_is_refused()
    {
        var registry = new WidgetKindRegistry().Register(IntegratorJsonContext.Default.CaseStatsWidget);

        var ex = Assert.Throws<ArgumentException>(() => registry.Register("crm.other", IntegratorJsonContext.Default.CaseStatsWidget));

        Assert.Contains("already registered as 'crm.case-stats'", ex.Message, StringComparison.Ordinal);
    }
}
