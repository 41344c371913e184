namespace OutOfDark.Warnings;

/// <summary>How urgently a warning needs attention. Ordered: a higher value is more severe.</summary>
public enum WarningSeverity
{
    /// <summary>Worth knowing.</summary>
    Info = 0,

    /// <summary>Needs attention soon.</summary>
    Warning = 1,

    /// <summary>Needs action now.</summary>
    Critical = 2,
}
