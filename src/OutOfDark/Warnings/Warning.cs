using System;
using System.Text;
using NodaTime;

namespace OutOfDark.Warnings;

/// <summary>
/// A flag on a journey, phase or activity that needs attention: what a rule found, how severe it is, a message a
/// manager can read without knowing the rule, and the evidence behind it.
/// </summary>
/// <remarks>
/// <para>A warning's identity is its <see cref="Key"/> (rule and subject), so its lifecycle survives re-evaluation.</para>
/// <para>
/// Two warnings are equal when key, severity, message, evidence and <see cref="RaisedAt"/> are. A built-in rule's
/// message and evidence are written the first time someone reads them (the engine keeps an unchanged warning as it
/// is, so repeated evaluations write nothing); reading them is thread-safe and always gives the same text.
/// </para>
/// </remarks>
public sealed record Warning
{
    private readonly WarningText? _text;
    private string? _message;
    private ValueList<WarningEvidence>? _evidence;

    /// <summary>Creates a warning.</summary>
    /// <param name="Key">The rule and subject.</param>
    /// <param name="Severity">How urgent it is.</param>
    /// <param name="Message">What is wrong, for example "Open rate fell to 12 % — warning threshold 18 %".</param>
    /// <exception cref="ArgumentNullException"><paramref name="Message"/> is <see langword="null"/>.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Kept from the positional record.")]
    public Warning(WarningKey Key, WarningSeverity Severity, string Message)
    {
        ArgumentNullException.ThrowIfNull(Message);
        this.Key = Key;
        this.Severity = Severity;
        _message = Message;
    }

    /// <summary>A warning whose message and evidence are written from <paramref name="text"/> when first read.</summary>
    internal Warning(WarningKey key, WarningSeverity severity, WarningText text, Instant raisedAt, decimal? pastLimit)
    {
        Key = key;
        Severity = severity;
        _text = text;
        RaisedAt = raisedAt;
        PastLimit = pastLimit;
    }

    /// <summary>The rule and subject.</summary>
    public WarningKey Key { get; init; }

    /// <summary>How urgent it is.</summary>
    public WarningSeverity Severity { get; init; }

    /// <summary>What is wrong, for example "Open rate fell to 12 % — warning threshold 18 %".</summary>
    /// <exception cref="ArgumentNullException">Set to <see langword="null"/>.</exception>
    public string Message
    {
        get => _message ??= _text!.Message();
        init => _message = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The values behind the warning: observed values, thresholds, dates, counts.</summary>
    /// <exception cref="ArgumentNullException">Set to <see langword="null"/>.</exception>
    public ValueList<WarningEvidence> Evidence
    {
        get => _evidence ??= _text?.Evidence() ?? ValueList<WarningEvidence>.Empty;
        init => _evidence = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>When the condition was first seen to hold in its current episode.</summary>
    public Instant RaisedAt { get; init; }

    /// <summary>
    /// How far past its limit the value a rule compared is, relative to that limit: 0.25 means 25 % beyond it (for a limit
    /// of 0, the plain distance); <see langword="null"/> for a warning that does not compare a value with a limit. Never
    /// negative. Among warnings of equal severity the Warnings view puts the farthest first (see
    /// <see cref="WarningEngine.View"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative value.</exception>
    public decimal? PastLimit
    {
        get;
        init => field = value is < 0 ? throw new ArgumentOutOfRangeException(nameof(value), value, "How far past its limit a value is cannot be negative.") : value;
    }

    /// <summary>What the rule found, when the warning came from a built-in rule's facts; compared before any text is written.</summary>
    internal WarningText? Text => _text;

    /// <summary>Splits the warning into key, severity and message.</summary>
    /// <param name="Key">The rule and subject.</param>
    /// <param name="Severity">How urgent it is.</param>
    /// <param name="Message">What is wrong.</param>
    public void Deconstruct(out WarningKey Key, out WarningSeverity Severity, out string Message) =>
        (Key, Severity, Message) = (this.Key, this.Severity, this.Message);

    /// <summary>Whether another warning has the same key, severity, message, evidence and raise instant.</summary>
    /// <param name="other">The other warning.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public bool Equals(Warning? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Key == other.Key && Severity == other.Severity && RaisedAt == other.RaisedAt && PastLimit == other.PastLimit
                && (SameText(other) || (Message == other.Message && Evidence.Equals(other.Evidence)))));

    /// <summary>Whether this warning says the same as another (severity, message and evidence), ignoring key and raise instant.</summary>
    /// <param name="other">The other warning.</param>
    /// <returns><see langword="true"/> when severity, message and evidence are equal.</returns>
    internal bool SaysSameAs(Warning other) =>
        ReferenceEquals(this, other)
        || (Severity == other.Severity && (SameText(other) || (Message == other.Message && Evidence.Equals(other.Evidence))));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Key, Severity, Message, RaisedAt);

    /// <summary>How far <paramref name="value"/> is past <paramref name="limit"/>, relative to the limit (plain distance for a limit of 0).</summary>
    /// <param name="value">The compared value.</param>
    /// <param name="limit">The limit.</param>
    /// <returns>A value of 0 or more.</returns>
    internal static decimal Distance(decimal value, decimal limit) =>
        limit == 0 ? Math.Abs(value) : Math.Abs(Saturating.DivideDifference(value, limit, Math.Abs(limit)));

    private bool SameText(Warning other) =>
        _text is not null && other._text is not null && _text.SameFacts(other._text);

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Key = ").Append(Key).Append(", Severity = ").Append(Severity).Append(", Message = ").Append(Message)
            .Append(", Evidence = ").Append(Evidence).Append(", RaisedAt = ").Append(RaisedAt);
        if (PastLimit is { } past)
        {
            builder.Append(", PastLimit = ").Append(past.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return true;
    }
}
