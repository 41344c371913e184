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
