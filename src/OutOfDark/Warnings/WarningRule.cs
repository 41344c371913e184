using Ardalis.GuardClauses;
using System;
using System.Runtime.CompilerServices;

namespace OutOfDark.Warnings;

/// <summary>The convenient base for a rule with typed settings: override <see cref="Evaluate(in RuleContext, TSettings)"/>.</summary>
/// <typeparam name="TSettings">The settings record.</typeparam>
/// <remarks>Implementations must be stateless and thread-safe.</remarks>
public abstract class WarningRule<TSettings> : IWarningRule, ITypedWarningRule
    where TSettings : RuleSettings
{
    /// <summary>Creates the rule.</summary>
    /// <param name="id">Its stable id.</param>
    /// <param name="name">Its short name for people.</param>
    /// <param name="scope">What sort of subject it looks at.</param>
    /// <param name="defaultSeverity">The severity of its warnings unless the data says otherwise.</param>
    /// <param name="defaultSettings">The settings used when a journey configures none.</param>
    /// <param name="inputs">What its result depends on besides its subject.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="defaultSettings"/> is <see langword="null"/>.</exception>
    protected WarningRule(RuleId id, string name, SubjectKind scope, WarningSeverity defaultSeverity, TSettings defaultSettings, RuleInputs inputs = RuleInputs.Subject)
    {
        Guard.Against.Null(name);
        Guard.Against.Null(defaultSettings);
        if (!RuleId.IsValid(id.Value))
        {
            throw new ArgumentException("A rule needs a valid id.", nameof(id));
        }

        Id = id;
        Name = name;
        Scope = scope;
        DefaultSeverity = defaultSeverity;
        DefaultSettings = defaultSettings;
        Inputs = inputs;
    }

    /// <inheritdoc />
    public RuleId Id { get; }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public WarningSeverity DefaultSeverity { get; }

    /// <inheritdoc />
    public SubjectKind Scope { get; }

    /// <inheritdoc />
    public RuleInputs Inputs { get; }

    /// <inheritdoc />
    public Type SettingsType => typeof(TSettings);

    /// <summary>The settings used when a journey configures none.</summary>
    public TSettings DefaultSettings { get; }

    RuleSettings IWarningRule.DefaultSettings => DefaultSettings;

    /// <inheritdoc />
    public RuleResult Evaluate(in RuleContext context, RuleSettings settings) =>
        Evaluate(in context, settings as TSettings ?? throw new ArgumentException($"Rule '{Id}' takes settings of type {typeof(TSettings).Name}, not {settings?.GetType().Name ?? "null"}.", nameof(settings)));

    /// <summary>Evaluates the rule for one subject.</summary>
    /// <param name="context">The journey, subject, time and cancellation token.</param>
    /// <param name="settings">The settings for this subject.</param>
    /// <returns>The warning, if any, and when to look again.</returns>
    protected abstract RuleResult Evaluate(in RuleContext context, TSettings settings);

    /// <summary>
    /// The engine's entry point: the typed evaluation without the settings check, for an engine that checked every
    /// settings object against <see cref="SettingsType"/> when it was configured.
    /// </summary>
    RuleEvaluator ITypedWarningRule.CreateEvaluator() =>
        (in RuleContext context, RuleSettings settings) => Evaluate(in context, Unsafe.As<TSettings>(settings));

    /// <summary>Returns the rule's id.</summary>
    /// <returns>The id.</returns>
    public override string ToString() => Id.Value;
}

/// <summary>Evaluates a rule with settings the caller has already checked to be of the rule's settings type.</summary>
/// <param name="context">What the rule looks at.</param>
/// <param name="settings">The rule's settings, of its <see cref="IWarningRule.SettingsType"/>.</param>
/// <returns>The rule's result.</returns>
internal delegate RuleResult RuleEvaluator(in RuleContext context, RuleSettings settings);

/// <summary>A rule that can hand the engine an evaluator without the per-call settings check.</summary>
internal interface ITypedWarningRule
{
    /// <summary>Creates the evaluator.</summary>
    /// <returns>A delegate that evaluates the rule.</returns>
    RuleEvaluator CreateEvaluator();
}
