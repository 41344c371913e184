using System;
using OutOfDark.Warnings;

namespace OutOfDark.Tests.Warnings;

/// <summary>Settings of the custom rule an integrator might write.</summary>
internal sealed record OpenCasesSettings : RuleSettings
{
    public int MaxOpenCases { get; init; } = 10;
}

/// <summary>A rule written in code by an integrator: too many open CRM cases, read from a tag like "cases:12".</summary>
internal sealed class OpenCasesRule() : WarningRule<OpenCasesSettings>(new RuleId("crm.open-cases"), "Too many open cases", SubjectKind.Activity, WarningSeverity.Critical, new OpenCasesSettings())
{
    protected override RuleResult Evaluate(in RuleContext context, OpenCasesSettings settings)
    {
        foreach (var tag in context.Activity!.Details.Tags)
        {
            if (tag.StartsWith("cases:", StringComparison.Ordinal) && int.Parse(tag[6..], System.Globalization.CultureInfo.InvariantCulture) is var open && open > settings.MaxOpenCases)
            {
                return context.Raise(WarningSeverity.Critical, $"{open} open cases — limit {settings.MaxOpenCases}", WarningEvidence.Of("open cases", open));
            }
        }

        return RuleResult.None;
    }
}

/// <summary>A rule that fails on activities whose name starts with "Broken".</summary>
internal sealed class FragileRule() : WarningRule<FragileSettings>(new RuleId("test.fragile"), "Fragile", SubjectKind.Activity, WarningSeverity.Info, new FragileSettings())
{
    protected override RuleResult Evaluate(in RuleContext context, FragileSettings settings)
    {
        if (context.Activity!.Name.StartsWith("Broken", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("cannot read " + context.Activity.Name);
        }

        if (context.Activity.Name.StartsWith("Slow", StringComparison.Ordinal))
        {
            throw new OperationCanceledException("the rule's own time budget ran out");
        }

        return context.Raise(WarningSeverity.Info, "seen " + context.Activity.Name);
    }
}

internal sealed record FragileSettings : RuleSettings;

/// <summary>Settings of <see cref="NamedWordRule"/>.</summary>
internal sealed record NamedWordSettings : RuleSettings
{
    public string Word { get; init; } = "Promo";
}

/// <summary>
/// A rule written against <see cref="IWarningRule"/> itself rather than <see cref="WarningRule{TSettings}"/>: it flags
/// activities whose name holds a word, and (carelessly) raises its warning under another rule's key.
/// </summary>
internal sealed class NamedWordRule : IWarningRule
{
    public RuleId Id { get; } = new("test.named-word");

    public string Name => "Named word";

    public WarningSeverity DefaultSeverity => WarningSeverity.Info;

    public SubjectKind Scope => SubjectKind.Activity;

    public RuleInputs Inputs => RuleInputs.Subject;

    public Type SettingsType => typeof(NamedWordSettings);

    public RuleSettings DefaultSettings { get; } = new NamedWordSettings();

    public RuleResult Evaluate(in RuleContext context, RuleSettings settings)
    {
        var word = ((NamedWordSettings)settings).Word;
        return context.Activity!.Name.Contains(word, StringComparison.Ordinal)
            ? new RuleResult(new Warning(new WarningKey(new RuleId("someone.else"), context.Subject), WarningSeverity.Info, $"'{context.Activity.Name}' mentions {word}"))
            : RuleResult.None;
    }
}
