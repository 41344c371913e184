using System;
using System.Text.Json;
using Ardalis.GuardClauses;

namespace OutOfDark.Warnings;

/// <summary>
/// Settings of a rule whose settings type the reader did not know (nobody registered it with the serializer), kept as
/// JSON text so that loading and saving a journey loses nothing, like <see cref="UnknownWidget"/>. OutOfDark.Json keeps
/// the content (members, values, number spellings) but compacts the object and re-escapes its strings.
/// </summary>
/// <remarks>
/// An engine that runs the rule cannot use these settings: it reports a <see cref="RuleFailure"/> for every subject they
/// apply to, saying to register the settings type. Immutable and thread-safe.
/// </remarks>
public sealed record UnknownRuleSettings : RuleSettings
{
    /// <summary>Creates the settings.</summary>
    /// <param name="content">The settings as they were read: the text of one JSON object, for example <c>{"max":10}</c>.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="content"/> is <see langword="null"/>.</exception>
    /// <exception cref="System.ArgumentException">
    /// <paramref name="content"/> is not the text of one JSON object (not JSON at all, another JSON value such as an array,
    /// or text after the object); the message says what was found.
    /// </exception>
    public UnknownRuleSettings(string content)
    {
        Guard.Against.Null(content);
        RequireJsonObject(content);
        Content = content;
    }

    /// <summary>The settings as given: the text of one JSON object.</summary>
    public string Content { get; }

    // A journey holding anything else could not be saved: the writer embeds the text as the settings' JSON value.
    private static void RequireJsonObject(string content)
    {
        JsonValueKind kind;
        try
        {
            using var document = JsonDocument.Parse(content);
            kind = document.RootElement.ValueKind;
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"Unknown rule settings must be the text of one JSON object such as {{\"max\":10}}; this text is not valid JSON: {ex.Message}", nameof(content), ex);
        }

        if (kind != JsonValueKind.Object)
        {
            throw new ArgumentException($"Unknown rule settings must be the text of one JSON object such as {{\"max\":10}}; this text is a JSON {kind.ToString().ToLowerInvariant()}.", nameof(content));
        }
    }
}
