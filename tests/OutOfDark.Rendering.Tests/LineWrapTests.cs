using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OutOfDark.Rendering;
using Xunit;

namespace OutOfDark.Rendering.Tests;

public class LineWrapTests
{
    /// <summary>Text with ordinary, odd and hostile words and emoji, a width of 4 to 40 and at most 1 to 3 lines.</summary>
    public static class WrapInputs
    {
        public static Arbitrary<(string Text, int Width, int MaxLines)> All() =>
            Gen.Zip(Gen.Zip(JourneyGen.Text.Select(s => s + " 🙂🙂 " + s), Gen.Choose(4, 40)), Gen.Choose(1, 3))
                .Select(t => (t.Item1.Item1, t.Item1.Item2, t.Item2)).ToArbitrary();
    }

    [Property(Arbitrary = new[] { typeof(WrapInputs) }, MaxTest = 300)]
    public void Wrapped_lines_fit_the_width_never_split_a_surrogate_pair_and_keep_the_text_when_it_fits((string Text, int Width, int MaxLines) input)
    {
        var (value, width, maxLines) = input;

        var lines = LineWrap.Wrap(value, width, maxLines);

        Assert.InRange(lines.Count, 1, maxLines);
        Assert.All(lines, l => Assert.True(l.Length <= width, $"'{l}' is longer than {width}"));
        Assert.All(lines, l => Assert.False(l.Length > 0 && (char.IsHighSurrogate(l[^1]) || char.IsLowSurrogate(l[0])), $"'{l}' splits a pair"));
        var collapsed = string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (!lines[^1].EndsWith('…'))
        {
            Assert.Equal(collapsed, string.Join(' ', lines));
        }
    }
}
