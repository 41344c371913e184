using OutOfDark.Warnings;

namespace OutOfDark.Tests.Warnings;

// Written exactly as an integrator would: a rule without settings in five lines, and one with settings that adds only its record.
sealed class NoChannelRule() : WarningRule("crm.no-channel", "No channel", WarningSeverity.Warning)
{
    protected override RuleResult Evaluate(RuleContext context) =>
        context.Activity!.Details.Channels.Count == 0 ? context.Raise($"'{context.Activity.Name}' has no channel") : RuleResult.None;
}

sealed record ChannelLimit : RuleSettings { public int Max { get; init; } = 2; }

sealed class TooManyChannelsRule() : WarningRule<ChannelLimit>("crm.too-many-channels", "Too many channels", WarningSeverity.Info)
{
    protected override RuleResult Evaluate(RuleContext context, ChannelLimit settings) =>
        context.Activity!.Details.Channels.Count > settings.Max ? context.Raise($"'{context.Activity.Name}' is on more than {settings.Max} channels") : RuleResult.None;
}
