using Ardalis.GuardClauses;
using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace OutOfDark.Warnings;

/// <summary>
/// The convenient base for a rule with typed settings: override <see cref="Evaluate(RuleContext, TSettings)"/> (or, to
/// avoid copying the context, <see cref="Evaluate(in RuleContext, TSettings)"/>).
/// </summary>
/// <typeparam name="TSettings">The settings record.</typeparam>
/// <remarks>
/// <para>Implementations must be stateless and thread-safe.</para>
/// <example>
/// A rule with settings adds only its settings record to a rule without any:
/// <code>
/// public sealed record OpenCasesSettings : RuleSettings { public int Max { get; init; } = 10; }
/// public sealed class OpenCasesRule() : WarningRule&lt;OpenCasesSettings&gt;("crm.open-cases", "Too many open cases", WarningSeverity.Critical)
/// {
///     protected override RuleResult Evaluate(RuleContext context, OpenCasesSettings settings) =>
///         CasesOf(context.Activity!) &gt; settings.Max ? context.Raise($"More than {settings.Max} open cases") : RuleResult.None;
/// }
/// </code>
/// </example>
/// </remarks>
public abstract class WarningRule<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TSettings> : IWarningRule, ITypedWarningRule
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
        : this(id, name, defaultSeverity, scope, defaultSettings, inputs)
    {
    }

    /// <summary>Creates the rule with the default settings <c>new TSettings()</c>.</summary>
    /// <param name="id">Its stable id, for example <c>"crm.open-cases"</c>: lower-case words separated by dots or dashes.</param>
    /// <param name="name">Its short name for people.</param>
    /// <param name="severity">The severity of its warnings unless the data says otherwise (<see cref="RuleContext.Raise(string, ReadOnlySpan{WarningEvidence})"/> uses it).</param>
    /// <param name="scope">What sort of subject it looks at; activities when omitted.</param>
    /// <param name="inputs">What its result depends on besides its subject; the subject alone when omitted.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not a valid rule id.</exception>
    /// <exception cref="InvalidOperationException"><typeparamref name="TSettings"/> has no public parameterless constructor (pass the default settings with the other constructor).</exception>
    protected WarningRule(string id, string name, WarningSeverity severity, SubjectKind scope = SubjectKind.Activity, RuleInputs inputs = RuleInputs.Subject)
        : this(ValidId(id), name, severity, scope, NewSettings(id), inputs)
    {
    }

    private WarningRule(RuleId id, string name, WarningSeverity defaultSeverity, SubjectKind scope, TSettings defaultSettings, RuleInputs inputs)
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

    /// <summary>Evaluates the rule for one subject: calls <see cref="Evaluate(RuleContext, TSettings)"/> unless overridden.</summary>
    /// <param name="context">The journey, subject, time and cancellation token.</param>
    /// <param name="settings">The settings for this subject.</param>
    /// <returns>The warning, if any, and when to look again.</returns>
    protected virtual RuleResult Evaluate(in RuleContext context, TSettings settings) => Evaluate(context, settings);

    /// <summary>Evaluates the rule for one subject. Override this (or the <see langword="in"/> overload).</summary>
    /// <param name="context">The journey, subject, time and cancellation token.</param>
    /// <param name="settings">The settings for this subject.</param>
    /// <returns>The warning, if any, and when to look again.</returns>
    /// <exception cref="NotSupportedException">The rule overrides neither <c>Evaluate</c> method (the engine reports it as the rule's failure).</exception>
    protected virtual RuleResult Evaluate(RuleContext context, TSettings settings) =>
        throw new NotSupportedException($"Rule '{Id}' ({GetType().Name}) must override Evaluate(RuleContext context, {typeof(TSettings).Name} settings).");

    private static RuleId ValidId(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return RuleId.IsValid(id) ? new RuleId(id)
            : throw new ArgumentException($"'{id}' is not a valid rule id: use lower-case words separated by dots or dashes, for example \"crm.open-cases\".", nameof(id));
    }

    private static TSettings NewSettings(string id) =>
        typeof(TSettings).GetConstructor(Type.EmptyTypes) is { } constructor
            ? (TSettings)constructor.Invoke(null)
            : throw new InvalidOperationException($"Rule '{id}' takes settings of type {typeof(TSettings).Name}, which has no public parameterless constructor: pass its default settings to the constructor that takes them.");

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

/// <summary>
/// The base for a rule without settings of its own (it can still be switched off, like every rule): give its id, name
/// and severity, and override <see cref="Evaluate(RuleContext)"/>.
/// </summary>
/// <remarks>
/// <para>Implementations must be stateless and thread-safe.</para>
/// <example>
/// <code>
/// public sealed class NoChannelRule() : WarningRule("crm.no-channel", "No channel", WarningSeverity.Warning)
/// {
///     protected override RuleResult Evaluate(RuleContext context) =>
///         context.Activity!.Details.Channels.Count == 0 ? context.Raise($"'{context.Activity.Name}' has no channel") : RuleResult.None;
/// }
/// </code>
/// Register it with <c>RuleRegistry.WithBuiltIns().Add(new NoChannelRule())</c>.
/// </example>
/// </remarks>
/// <param name="id">Its stable id, for example <c>"crm.no-channel"</c>: lower-case words separated by dots or dashes.</param>
/// <param name="name">Its short name for people.</param>
/// <param name="severity">The severity of its warnings unless the data says otherwise (<see cref="RuleContext.Raise(string, ReadOnlySpan{WarningEvidence})"/> uses it).</param>
/// <param name="scope">What sort of subject it looks at; activities when omitted.</param>
/// <param name="inputs">What its result depends on besides its subject; the subject alone when omitted.</param>
/// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="name"/> is <see langword="null"/>.</exception>
/// <exception cref="ArgumentException"><paramref name="id"/> is not a valid rule id.</exception>
public abstract class WarningRule(string id, string name, WarningSeverity severity, SubjectKind scope = SubjectKind.Activity, RuleInputs inputs = RuleInputs.Subject)
    : WarningRule<NoSettings>(id, name, severity, scope, inputs)
{
    /// <summary>Evaluates the rule for one subject.</summary>
    /// <param name="context">The journey, subject, time and cancellation token.</param>
    /// <returns>The warning, if any, and when to look again.</returns>
    protected abstract RuleResult Evaluate(RuleContext context);

    /// <inheritdoc />
    protected sealed override RuleResult Evaluate(in RuleContext context, NoSettings settings) => Evaluate(context);

    /// <inheritdoc />
    protected sealed override RuleResult Evaluate(RuleContext context, NoSettings settings) => Evaluate(context);
}

/// <summary>The settings of a rule that has none of its own: only <see cref="RuleSettings.Enabled"/>.</summary>
public sealed record NoSettings : RuleSettings;

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
