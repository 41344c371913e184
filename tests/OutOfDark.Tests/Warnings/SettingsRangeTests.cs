using System;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Tests.Warnings;

/// <summary>Settings outside their documented range are refused when an engine is given them, naming the rule and the setting.</summary>
public class SettingsRangeTests
{
    [Fact]
    public void An_engine_refuses_a_negative_stale_data_limit_naming_the_rule_the_setting_and_its_range()
    {
        var journey = Journey.Create(new Actor("ana"), WorkspaceId.New(), "Store");
        var settings = WarningSettings.Default.With(StaleMetricRule.RuleId, new StaleMetricSettings { Days = -5 });

        var error = Assert.Throws<ArgumentException>(() => new WarningEngine(journey, settings: settings));

        Assert.StartsWith("The settings of rule 'metric.stale' are out of range: Days is -5; it must be from 1 to 36600.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(36600, true)]
    [InlineData(36601, false)]
    public void Every_built_in_settings_record_says_whether_its_values_are_in_range(int days, bool valid)
    {
        Assert.Equal(valid, new StaleMetricSettings { Days = days }.Validate() is null);
        Assert.Equal(valid, new NotUpdatedSettings { Days = days }.Validate() is null);
        Assert.Null(new OverdueSettings { GraceDays = 0 }.Validate());
        Assert.NotNull(new OverdueSettings { GraceDays = -1 }.Validate());
        Assert.NotNull(new PainPointSettings { Threshold = 3 }.Validate());
        Assert.NotNull(new MetricTrendSettings { WindowDays = 0 }.Validate());
        Assert.NotNull(new MetricThresholdSettings { MinimumRun = 0 }.Validate());
        Assert.NotNull(new EmptyPhaseSettings { MinimumActivities = 0 }.Validate());
        Assert.NotNull(new ExpectationGapSettings { MaxGap = -1 }.Validate());
        Assert.Null(new FunnelDropOffSettings().Validate());
    }
}
