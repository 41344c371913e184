using System;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Tests;

public class ValueTypeTests
{
    [Fact]
    public void Value_lists_compare_by_content_and_order()
    {
        Assert.Equal(ValueList<string>.Of("a", "b"), ValueList<string>.From(["a", "b"]));
        Assert.NotEqual(ValueList<string>.Of("a", "b"), ValueList<string>.Of("b", "a"));
        Assert.Equal(ValueList<string>.Of("a", "b").GetHashCode(), ValueList<string>.From(["a", "b"]).GetHashCode());
        Assert.Equal(ValueList<string>.Of("b", "c", "a"), ValueList<string>.Of("a", "b", "c").Move(0, 2));
    }

    [Fact]
    public void Records_holding_value_lists_compare_by_content()
    {
        var a = ActivityDetails.Empty with { Channels = ValueList<string>.Of("email") };
        var b = ActivityDetails.Empty with { Channels = ValueList<string>.From(["email"]) };

        Assert.Equal(a, b);
    }

    [Theory]
    [InlineData(-3)]
    [InlineData(3)]
    public void An_emotion_score_outside_minus_two_to_plus_two_is_refused(int value)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new EmotionScore(value));

        Assert.Contains("-2 (very negative) to 2 (very positive)", ex.Message);
    }

    [Theory]
    [InlineData("metric.threshold", true)]
    [InlineData("crm.open-cases_v2", true)]
    [InlineData("Metric", false)]
    [InlineData("1abc", false)]
    [InlineData("a b", false)]
    [InlineData("", false)]
    public void Rule_ids_are_lower_case_dotted_names(string text, bool valid)
    {
        Assert.Equal(valid, RuleId.IsValid(text));
        if (!valid)
        {
            var ex = Assert.Throws<ArgumentException>(() => new RuleId(text));
            Assert.Contains("not a valid rule id", ex.Message);
        }
    }

    [Fact]
    public void Ids_print_and_parse_as_guids()
    {
        var id = ActivityId.New();

        Assert.Equal(id, ActivityId.Parse(id.ToString()));
        Assert.False(ActivityId.TryParse("nope", null, out _));
        Assert.Contains("not a valid ActivityId", Assert.Throws<FormatException>(() => ActivityId.Parse("nope")).Message);
    }
}
