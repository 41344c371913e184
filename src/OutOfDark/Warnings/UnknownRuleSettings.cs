using Ardalis.GuardClauses;

namespace OutOfDark.Warnings;

/// <summary>
/// Settings of a rule whose settings type the reader did not know (nobody registered it with the serializer), kept
/// verbatim so that loading and saving a journey loses nothing, like <see cref="UnknownWidget"/>.
/// </summary>
/// <remarks>
/// An engine that runs the rule cannot use these settings: it reports a <see cref="RuleFailure"/> for every subject they
/// apply to, saying to register the settings type. Immutable and thread-safe.
/// </remarks>
public sealed record UnknownRuleSettings : RuleSettings
{
    /// <summary>Creates the settings.</summary>
    /// <param name="content">The settings as they were read, verbatim (a JSON object for OutOfDark.Json).</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="content"/> is <see langword="null"/>.</exception>
    public UnknownRuleSettings(string content)
    {
        Guard.Against.Null(content);
        Content = content;
    }

    /// <summary>The settings as they were read, verbatim (a JSON object for OutOfDark.Json).</summary>
    public string Content { get; }
}
