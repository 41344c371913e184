using System;

namespace OutOfDark.Warnings;

/// <summary>
/// What a rule found, kept as plain facts; the warning's message and evidence are written from them when first read.
/// Two texts with equal facts written by the same functions give the same message and evidence, so the engine can keep
/// an unchanged warning without writing anything.
/// </summary>
internal abstract class WarningText
{
    /// <summary>Writes the message.</summary>
    /// <returns>The message.</returns>
    public abstract string Message();

    /// <summary>Writes the evidence.</summary>
    /// <returns>The evidence.</returns>
    public abstract ValueList<WarningEvidence> Evidence();

    /// <summary>Whether another text holds equal facts written by the same functions.</summary>
    /// <param name="other">The other text.</param>
    /// <returns><see langword="true"/> when both would write the same message and evidence.</returns>
    public abstract bool SameFacts(WarningText other);

    // The immutable inputs a rule last found these facts from, for a rule that remembers them (see
    // RuleContext.KeptFoundFrom): the same inputs give the same facts, so the rule can hand the warning back without
    // looking at them again. Written by the one engine that keeps the warning (engines are used from one thread at a time).
    private object? _input;
    private object? _settings;
    private WarningSeverity _severity;

    /// <summary>Whether these facts, at <paramref name="severity"/>, were found from exactly these inputs (the same objects).</summary>
    /// <param name="input">The immutable input the rule read, for example the metric widget.</param>
    /// <param name="settings">The rule's settings.</param>
    /// <param name="severity">The severity of the warning holding this text.</param>
    /// <returns><see langword="true"/> when <see cref="RememberFoundFrom"/> was last given the same objects and severity.</returns>
    public bool FoundFrom(object input, object settings, WarningSeverity severity) =>
        ReferenceEquals(_input, input) && ReferenceEquals(_settings, settings) && _severity == severity;

    /// <summary>Remembers the immutable inputs these facts, at <paramref name="severity"/>, were just found from.</summary>
    /// <param name="input">The immutable input the rule read.</param>
    /// <param name="settings">The rule's settings.</param>
    /// <param name="severity">The severity found.</param>
    public void RememberFoundFrom(object input, object settings, WarningSeverity severity)
    {
        (_input, _settings, _severity) = (input, settings, severity);
    }
}

/// <summary>The facts of one finding and the functions that write its message and evidence.</summary>
/// <typeparam name="TFacts">A value holding everything the message and evidence depend on.</typeparam>
internal sealed class WarningText<TFacts>(TFacts facts, Func<TFacts, string> message, Func<TFacts, ValueList<WarningEvidence>> evidence) : WarningText
    where TFacts : struct, IEquatable<TFacts>
{
    public TFacts Facts { get; } = facts;

    public Func<TFacts, string> Writer { get; } = message;

    public Func<TFacts, ValueList<WarningEvidence>> EvidenceWriter { get; } = evidence;

    public override string Message() => Writer(Facts);

    public override ValueList<WarningEvidence> Evidence() => EvidenceWriter(Facts);

    public bool Holds(in TFacts facts, Func<TFacts, string> message) => ReferenceEquals(Writer, message) && Facts.Equals(facts);

    public override bool SameFacts(WarningText other) =>
        other is WarningText<TFacts> same && ReferenceEquals(Writer, same.Writer) && ReferenceEquals(EvidenceWriter, same.EvidenceWriter) && Facts.Equals(same.Facts);
}
