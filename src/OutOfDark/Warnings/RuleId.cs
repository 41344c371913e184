using System;

namespace OutOfDark.Warnings;

/// <summary>The stable id of a warning rule, for example <c>metric.threshold</c> or <c>crm.open-cases</c>.</summary>
/// <remarks>Lower-case letters, digits, '.', '-' and '_', starting with a letter, at most 100 characters.</remarks>
public readonly record struct RuleId
{
    /// <summary>Creates a rule id.</summary>
    /// <param name="value">The id's text.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid rule id.</exception>
    public RuleId(string value)
    {
        if (!IsValid(value))
        {
            throw new ArgumentException($"'{value}' is not a valid rule id: use lower-case letters, digits, '.', '-' and '_', starting with a letter, at most 100 characters (for example 'crm.open-cases').", nameof(value));
        }

        Value = value;
    }

    /// <summary>The id's text.</summary>
    public string Value { get; }

    /// <summary>Whether <paramref name="value"/> is a valid rule id.</summary>
    /// <param name="value">The text.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool IsValid(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 100 || value[0] is < 'a' or > 'z')
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns the id's text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Value ?? "";
}
