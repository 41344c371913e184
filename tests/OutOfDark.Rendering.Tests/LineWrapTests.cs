using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using OutOfDark.Rendering;
using Xunit;

namespace OutOfDark.Rendering.Tests;

public class LineWrapTests
{
    [Fact]
    public void Wrapped_lines_fit_the_width_never_split_a_surrogate_pair_and_keep_the_text_when_it_fits()
    {
        var text = JourneyGen.Text.Select(s => s + " 🙂🙂 " + s);
        var arb = Arb.From(Gen.Zip(Gen.Zip(text, Gen.Choose(4, 40)), Gen.Choose(1, 3)));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(arb, input =>
        {
            var ((value, width), maxLines) = input;

            var lines = LineWrap.Wrap(value, width, maxLines);

            Assert.InRange(lines.Count, 1, maxLines);
            Assert.All(lines, l => Assert.True(l.Length <= width, $"'{l}' is longer than {width}"));
            Assert.All(lines, l => Assert.False(l.Length > 0 && (char.IsHighSurrogate(l[^1]) || char.IsLowSurrogate(l[0])), $"'{l}' splits a pair"));
            var collapsed = string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            if (!lines[^1].EndsWith('…'))
            {
                Assert.Equal(collapsed, string.Join(' ', lines));
            }
        }));
    }
}
