using System;
using Xunit;

namespace OutOfDark.Tests;

/// <summary>The check every refusal test makes: the command throws and leaves the journey exactly as it was.</summary>
internal static class RefusalAssert
{
    /// <summary>Runs <paramref name="command"/>, expects a <see cref="JourneyRuleException"/>, and checks that neither the state nor the pending events changed.</summary>
    /// <param name="journey">The journey the command acts on.</param>
    /// <param name="command">The command.</param>
    /// <returns>The exception, for its rule and message.</returns>
    public static JourneyRuleException Refused(this Journey journey, Action command)
    {
        var before = journey.ToSnapshot();
        var pending = journey.PendingEvents.Count;
        var ex = Assert.Throws<JourneyRuleException>(command);
        Assert.Equal(before, journey.ToSnapshot());
        Assert.Equal(pending, journey.PendingEvents.Count);
        return ex;
    }
}
