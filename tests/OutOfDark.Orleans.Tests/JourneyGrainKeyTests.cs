using System;
using FsCheck.Xunit;
using Xunit;

namespace OutOfDark.Orleans.Tests;

public sealed class JourneyGrainKeyTests
{
    [Property]
    public bool A_key_reads_back_as_its_workspace_and_journey(Guid workspace, Guid journey) =>
        JourneyGrainKey.Parse(JourneyGrainKey.Format(new WorkspaceId(workspace), new JourneyId(journey))) == (new WorkspaceId(workspace), new JourneyId(journey));

    [Property]
    public bool Keys_of_the_same_journey_id_in_two_workspaces_differ(Guid a, Guid b, Guid journey) =>
        a == b || JourneyGrainKey.Format(new WorkspaceId(a), new JourneyId(journey)) != JourneyGrainKey.Format(new WorkspaceId(b), new JourneyId(journey));

    [Theory]
    [InlineData("")]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e")]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e/not-a-guid")]
    [InlineData("0f8fad5bd9cb469fa16570867728950e/7c9e6679742540de944be07fc1f90ae7")]
    public void A_malformed_key_is_refused_with_the_expected_shape(string key)
    {
        var error = Assert.Throws<FormatException>(() => JourneyGrainKey.Parse(key));
        Assert.Equal($"'{key}' is not a journey grain key: expected '{{workspace}}/{{journey}}', two GUIDs in the \"D\" format (use JourneyGrainKey.Format).", error.Message);
    }
}
