using System;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using OutOfDark.Events;
using Xunit;

namespace OutOfDark.Json.Tests;

/// <summary>Text no store or format can keep unchanged (lone surrogates, invalid UTF-8) is refused at its JSON path, in known and unknown kinds alike.</summary>
public sealed class TextBoundaryTests
{
    private const string Mark = "@@MARK@@";
    private static readonly JourneyJsonSerializer Json = JourneyJsonSerializer.Default;

    // The sample document with an unknown widget kind on the first activity, its members nested.
    private static JsonObject WithUnknownWidget(out int index)
    {
        var document = SampleJourneys.DocumentNode();
        var widgets = document["activities"]![0]!["widgets"]!.AsArray();
        widgets.Add(JsonNode.Parse($$$"""{"kind":"acme.survey","id":"{{{Guid.NewGuid()}}}","title":"Survey","data":{"items":["ok","{{{Mark}}}"],"label":"fine"}}"""));
        index = widgets.Count - 1;
        return document;
    }

    private static byte[] Replace(JsonNode node, string placeholder, byte[] bytes)
    {
        var text = Encoding.UTF8.GetBytes(node.ToJsonString());
        var mark = Encoding.UTF8.GetBytes(placeholder);
        var at = text.AsSpan().IndexOf(mark);
        Assert.True(at >= 0);
        return [.. text.AsSpan(0, at), .. bytes, .. text.AsSpan(at + mark.Length)];
    }

    private static readonly byte[] LoneSurrogate = Encoding.ASCII.GetBytes("x\\ud800y");
    private static readonly byte[] InvalidUtf8 = [(byte)'x', 0xC3, 0x28, (byte)'y'];

    public static TheoryData<string, string> Places() => new()
    {
        { "$.activities[1].name", "name" },
        { "$.activities[0].details.channels[0]", "channel" },
        { "$.phases[0].customerGoal", "goal" },
        { "$.activities[0].widgets[0].title", "title" },
        { "$.activities[2].widgets[1].entries[0].quote", "quote" },
        { "$.warnings[0].note", "note" },
    };

    private static JsonObject Marked(string path)
    {
        var document = SampleJourneys.DocumentNode();
        var parts = path[2..].Replace("[", ".[", StringComparison.Ordinal).Split('.');
        JsonNode node = document;
        foreach (var part in parts[..^1])
        {
            node = part.StartsWith('[') ? node[int.Parse(part[1..^1], System.Globalization.CultureInfo.InvariantCulture)]! : node[part]!;
        }

        if (parts[^1].StartsWith('['))
        {
            node[int.Parse(parts[^1][1..^1], System.Globalization.CultureInfo.InvariantCulture)] = Mark;
        }
        else
        {
            node[parts[^1]] = Mark;
        }

        return document;
    }

    [Theory]
    [InlineData("$.activities[1].name", "\\u200B\\u2060", "has no visible character")]
    [InlineData("$.activities[0].details.channels[0]", "\\uFEFF\\u0301", "has no visible character")]
    [InlineData("$.activities[0].widgets[0].title", "\\u200C", "has no visible character")]
    [InlineData("$.activities[1].name", "one\\u2028two", "contains a line separator U+2028")]
    [InlineData("$.phases[0].customerGoal", "\\u2067open", "that is never closed")]
    public void A_stored_name_nobody_can_see_or_an_unbalanced_isolate_is_refused_as_at_a_command(string path, string escaped, string problem)
    {
        var ex = Assert.Throws<JourneyFormatException>(() => Json.DeserializeDocument(Replace(Marked(path), Mark, Encoding.ASCII.GetBytes(escaped))));

        // As for a control character: refused on restore, at the element the rule names or the document.
        Assert.StartsWith(ex.Path, path, StringComparison.Ordinal);
        Assert.Contains(problem, ex.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Places))]
    public void A_lone_surrogate_in_a_known_field_is_refused_at_its_path(string path, string field)
    {
        var ex = Assert.Throws<JourneyFormatException>(() => Json.DeserializeDocument(Replace(Marked(path), Mark, LoneSurrogate)));

        Assert.Equal(path, ex.Path);
        Assert.Contains("is not Unicode text: it has bytes that are not UTF-8, or escapes a lone surrogate", ex.Problem, StringComparison.Ordinal);
        Assert.NotEmpty(field);
    }

    [Theory]
    [MemberData(nameof(Places))]
    public void Invalid_utf8_in_a_known_field_is_refused_at_its_path(string path, string field)
    {
        var ex = Assert.Throws<JourneyFormatException>(() => Json.DeserializeDocument(Replace(Marked(path), Mark, InvalidUtf8)));

        Assert.Equal(path, ex.Path);
        Assert.Contains("is not Unicode text", ex.Problem, StringComparison.Ordinal);
        Assert.NotEmpty(field);
    }

    [Fact]
    public void A_lone_surrogate_inside_a_widget_kind_nobody_registered_is_refused_at_its_path()
    {
        var document = WithUnknownWidget(out var index);

        var ex = Assert.Throws<JourneyFormatException>(() => Json.DeserializeDocument(Replace(document, Mark, LoneSurrogate)));

        Assert.Equal($"$.activities[0].widgets[{index}].data.items[1]", ex.Path);
        Assert.StartsWith("The text is not Unicode text: it has bytes that are not UTF-8, or escapes a lone surrogate (\\ud800 to \\udfff without its pair), which no store or format can keep unchanged; save the file as UTF-8 and remove the lone surrogate or give the whole character.", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_inside_a_widget_kind_nobody_registered_is_refused_not_rewritten()
    {
        var document = WithUnknownWidget(out var index);

        var ex = Assert.Throws<JourneyFormatException>(() => Json.DeserializeDocument(Replace(document, Mark, InvalidUtf8)));

        Assert.Equal($"$.activities[0].widgets[{index}].data.items[1]", ex.Path);
        Assert.Contains("is not Unicode text", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lone_surrogate_in_a_property_name_of_an_unknown_kind_is_refused_at_its_object()
    {
        var document = WithUnknownWidget(out var index);
        var text = Encoding.UTF8.GetBytes(document.ToJsonString().Replace("\"label\"", "\"x\\udc00\"", StringComparison.Ordinal));

        var ex = Assert.Throws<JourneyFormatException>(() => Json.DeserializeDocument(text));

        Assert.Equal($"$.activities[0].widgets[{index}].data", ex.Path);
        Assert.StartsWith("A property name is not Unicode text", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Whole_characters_outside_the_basic_plane_are_kept_in_known_and_unknown_kinds()
    {
        var document = WithUnknownWidget(out _);
        var bytes = Replace(document, Mark, Encoding.UTF8.GetBytes("rocket \\ud83d\\ude80 and 👩‍👩‍👧"));
        var snapshot = Json.DeserializeDocument(bytes);

        var again = Json.SerializeDocument(Json.DeserializeDocument(Json.SerializeDocument(snapshot)));

        Assert.Equal(Json.SerializeDocument(snapshot), again);
        var content = JsonNode.Parse(Json.DeserializeDocument(again).Activities[0].Widgets.OfType<UnknownWidget>().Single().Content)!;
        Assert.Equal("rocket 🚀 and 👩‍👩‍👧", (string?)content["data"]!["items"]![1]);
    }

    [Fact]
    public void A_lone_surrogate_in_an_event_is_refused_at_its_path()
    {
        var e = JsonNode.Parse(Json.SerializeEvent(SampleJourneys.Store().PendingEvents.OfType<ActivityAdded>().First()))!.AsObject();
        e["actor"] = Mark;

        var ex = Assert.Throws<JourneyFormatException>(() => Json.DeserializeEvent(Replace(e, Mark, LoneSurrogate)));

        Assert.Equal("$.actor", ex.Path);
    }
}
