using System;
using System.Linq;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Tests.Warnings;

public class CustomRuleShapeTests
{
    private readonly RuleHarness _h = new();

    [Fact]
    public void A_rule_without_settings_raises_with_its_one_severity_through_the_engine()
    {
        var bare = _h.Activity("Newsletter");
        _h.Activity("Checkout", details: ActivityDetails.Empty with { Owner = "ana", Channels = ValueList<string>.Of("web") });
        var rule = new NoChannelRule();
        var engine = _h.Engine(new RuleRegistry().Add(rule));

        engine.EvaluateAll();

        var warning = Assert.Single(engine.Warnings);
        Assert.Equal(new WarningKey(new RuleId("crm.no-channel"), WarningSubject.For(bare)), warning.Key);
        Assert.Equal(WarningSeverity.Warning, warning.Severity);
        Assert.Equal("'Newsletter' has no channel", warning.Message);
        Assert.Equal(typeof(NoSettings), rule.SettingsType);
    }

    [Fact]
    public void A_rule_without_settings_can_still_be_switched_off()
    {
        _h.Activity("Newsletter");
        var rule = new NoChannelRule();
        var engine = _h.Engine(new RuleRegistry().Add(rule), WarningSettings.Default.With(rule.Id, new NoSettings { Enabled = false }));

        engine.EvaluateAll();

        Assert.Empty(engine.Warnings);
    }

    [Fact]
    public void A_rule_with_settings_takes_its_defaults_from_the_record_and_its_journey_settings_from_the_engine()
    {
        var busy = _h.Activity("Campaign", details: ActivityDetails.Empty with { Owner = "ana", Channels = ValueList<string>.Of("web", "mail", "app") });
        var rule = new TooManyChannelsRule();
        Assert.Equal(2, rule.DefaultSettings.Max);

        var engine = _h.Engine(new RuleRegistry().Add(rule));
        engine.EvaluateAll();
        var warning = Assert.Single(engine.Warnings);
        Assert.Equal((WarningSeverity.Info, "'Campaign' is on more than 2 channels"), (warning.Severity, warning.Message));
        Assert.Equal(WarningSubject.For(busy), warning.Key.Subject);

        engine.Settings = WarningSettings.Default.With(rule.Id, new ChannelLimit { Max = 3 });
        engine.EvaluateAll();
        Assert.Empty(engine.Warnings);
    }

    [Fact]
    public void Raise_without_a_severity_uses_the_rules_default_and_an_overload_takes_one()
    {
        var activity = _h.Activity("Newsletter");
        var context = new RuleContext(new NoChannelRule(), _h.Journey, WarningSubject.For(activity), _h.Clock.GetCurrentInstant(), NodaTime.DateTimeZone.Utc);

        Assert.Equal(WarningSeverity.Warning, context.Raise("plain").Warning!.Severity);
        Assert.Equal(WarningSeverity.Critical, context.Raise(WarningSeverity.Critical, "urgent").Warning!.Severity);
    }

    [Fact]
    public void A_rule_id_that_is_not_valid_is_refused_with_how_to_write_one()
    {
        var error = Assert.Throws<ArgumentException>(() => new BadIdRule());

        Assert.Equal("id", error.ParamName);
        Assert.StartsWith("'No Channel' is not a valid rule id: use lower-case words separated by dots or dashes, for example \"crm.open-cases\".", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_that_overrides_no_evaluate_method_fails_as_data_naming_what_to_override()
    {
        _h.Activity("Newsletter");
        var engine = _h.Engine(new RuleRegistry().Add(new ForgetfulRule()));

        engine.EvaluateAll();

        var failure = Assert.Single(engine.Failures);
        Assert.Equal("Rule 'test.forgetful' (ForgetfulRule) must override Evaluate(RuleContext context, ChannelLimit settings).", failure.Exception.Message);
    }

    private sealed class BadIdRule() : WarningRule("No Channel", "No channel", WarningSeverity.Info)
    {
        protected override RuleResult Evaluate(RuleContext context) => RuleResult.None;
    }

    private sealed class ForgetfulRule() : WarningRule<ChannelLimit>("test.forgetful", "Forgetful", WarningSeverity.Info);
}
