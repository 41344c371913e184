namespace OutOfDark;

/// <summary>
/// Identifies a service-blueprint lane: one of the four built-in layers (<see cref="CustomerAction"/>,
/// <see cref="Frontstage"/>, <see cref="Backstage"/>, <see cref="SupportProcess"/>) or a lane the integrator defines on
/// the journey (<see cref="Journey.AddLane"/>).
/// </summary>
/// <remarks>
/// A lane id is a short key, not a GUID, so that the built-ins read the same in every journey and every document:
/// 1–100 characters of <c>a</c>–<c>z</c>, <c>0</c>–<c>9</c>, <c>-</c>, <c>_</c> and <c>.</c>, starting with a letter or
/// digit. Immutable and thread-safe.
/// </remarks>
/// <param name="Value">The key, for example <c>backstage</c> or <c>partner-network</c>.</param>
public readonly record struct LaneId(string Value)
{
    /// <summary>The longest lane id.</summary>
    public const int MaxLength = 100;

    /// <summary>What the customer does: the top layer of a service blueprint.</summary>
    public static LaneId CustomerAction { get; } = new("customer-action");

    /// <summary>What the customer sees of the company: touchpoints and front-line staff. The default lane of an activity.</summary>
    public static LaneId Frontstage { get; } = new("frontstage");

    /// <summary>What the company does out of the customer's sight to serve them.</summary>
    public static LaneId Backstage { get; } = new("backstage");

    /// <summary>The internal services, systems and partners that support the backstage.</summary>
    public static LaneId SupportProcess { get; } = new("support-process");

    /// <summary>Whether this is one of the four built-in lanes.</summary>
    public bool IsBuiltIn => this == CustomerAction || this == Frontstage || this == Backstage || this == SupportProcess;

    /// <summary>Says why <paramref name="value"/> cannot be a lane id, or nothing when it can.</summary>
    /// <param name="value">The candidate key.</param>
    /// <returns>The sentence, or <see langword="null"/>.</returns>
    public static string? Problem(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "A lane id must not be empty: use a short key such as \"partner-network\".";
        }

        if (value.Length > MaxLength)
        {
            return $"A lane id must be at most {MaxLength} characters; \"{value[..20]}…\" has {value.Length}.";
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var ok = c is >= 'a' and <= 'z' or >= '0' and <= '9' || (i > 0 && c is '-' or '_' or '.');
            if (!ok)
            {
                return $"The lane id \"{value}\" holds '{c}' at index {i}; a lane id is lower-case letters a–z, digits, and (after the first character) '-', '_' or '.', for example \"partner-network\".";
            }
        }

        return null;
    }

    /// <summary>Returns the key.</summary>
    /// <returns>The key, or an empty string for <c>default(LaneId)</c>.</returns>
    public override string ToString() => Value ?? "";
}
