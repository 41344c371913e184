using System;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Tests.Warnings.Workspace;

public class WorkspaceWarningQueryTests
{
    [Fact]
    public void A_state_filter_with_an_undefined_state_is_refused_naming_the_states()
    {
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => new WorkspaceWarningQuery { States = [WarningState.Open, (WarningState)32] });
        Assert.Equal("States", refused.ParamName);
        Assert.StartsWith($"32 is not a WarningState; use one of {string.Join(", ", Enum.GetNames<WarningState>())}. (Parameter 'States')", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_severity_filter_with_an_undefined_severity_is_refused_naming_the_severities()
    {
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => new WorkspaceWarningQuery { Severities = [(WarningSeverity)9] });
        Assert.Equal("Severities", refused.ParamName);
        Assert.StartsWith($"9 is not a WarningSeverity; use one of {string.Join(", ", Enum.GetNames<WarningSeverity>())}. (Parameter 'Severities')", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defined_values_and_no_filter_are_kept()
    {
        var query = new WorkspaceWarningQuery { States = [WarningState.Snoozed], Severities = [WarningSeverity.Critical] };
        Assert.Equal([WarningState.Snoozed], query.States);
        Assert.Equal([WarningSeverity.Critical], query.Severities);
        Assert.Null(new WorkspaceWarningQuery { States = null }.States);
    }
}
