using Ardalis.GuardClauses;
using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OutOfDark.Warnings;

namespace OutOfDark.Json;

/// <summary>
/// The settings type of each warning rule, so that a journey's rule settings (the document's <c>ruleSettings</c> and
/// the <c>rule-settings-changed</c> events) are read as typed records. A settings object carries no type name: the rule
/// id beside it decides its type, through this registry and never through the input. The built-in rules' settings are
/// registered from the start; settings of a rule nobody registered are read as <see cref="UnknownRuleSettings"/> and
/// written back unchanged.
/// </summary>
/// <remarks>
/// <para>
/// An integrator registers the settings record of each rule of their own with the <see cref="JsonTypeInfo{T}"/> of their
/// own source-generated <c>JsonSerializerContext</c>, so that reading and writing need no reflection and stay
/// trimming-safe. Registered records are read as strictly as the built-in ones when their context asks for it.
/// </para>
/// <para>Register every rule before creating the serializer. Not thread-safe while registering; read-only afterwards.</para>
/// </remarks>
public sealed class RuleSettingsRegistry
{
    private readonly Dictionary<RuleId, Entry> _byRule = [];
    private readonly Dictionary<Type, Entry> _byType = [];

    /// <summary>Creates a registry holding the built-in rules' settings (<see cref="BuiltInRules.All"/>).</summary>
    public RuleSettingsRegistry()
    {
        foreach (var rule in BuiltInRules.All)
        {
            Add(new Entry(rule.Id, rule.SettingsType, null));
        }
    }

    /// <summary>The rules whose settings this registry reads as typed records, built-in ones first.</summary>
    public IReadOnlyCollection<RuleId> Rules => _byRule.Keys;

    /// <summary>Registers the settings record of a rule.</summary>
    /// <typeparam name="TSettings">The rule's settings record.</typeparam>
    /// <param name="rule">The rule's id.</param>
    /// <param name="typeInfo">The record's metadata from the integrator's source-generated context.</param>
    /// <returns>This registry, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="typeInfo"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The rule id is invalid or already registered, or the record is abstract, <see cref="UnknownRuleSettings"/>, or registered for another rule with other metadata.</exception>
    public RuleSettingsRegistry Register<TSettings>(RuleId rule, JsonTypeInfo<TSettings> typeInfo)
        where TSettings : RuleSettings
    {
        Guard.Against.Null(typeInfo);
        if (!RuleId.IsValid(rule.Value))
        {
            throw new ArgumentException("A rule's settings need a valid rule id such as 'crm.open-cases'.", nameof(rule));
        }

        if (_byRule.TryGetValue(rule, out var taken))
        {
            throw new ArgumentException($"The settings of rule '{rule}' are already registered ({taken.Type.Name}).", nameof(rule));
        }

        if (typeof(TSettings).IsAbstract || typeof(TSettings) == typeof(UnknownRuleSettings))
        {
            throw new ArgumentException($"{typeof(TSettings).Name} cannot be registered: register the concrete settings record of rule '{rule}'.", nameof(typeInfo));
        }

        if (_byType.TryGetValue(typeof(TSettings), out var shared) && !ReferenceEquals(shared.TypeInfo, typeInfo))
        {
            throw new ArgumentException($"{typeof(TSettings).Name} is already registered for rule '{shared.Rule}' with other metadata; register it with the same JsonTypeInfo.", nameof(typeInfo));
        }

        Add(new Entry(rule, typeof(TSettings), typeInfo));
        return this;
    }

    /// <summary>Registers a rule that has no settings of its own (its settings are <see cref="NoSettings"/>: only <see cref="RuleSettings.Enabled"/>).</summary>
    /// <param name="rule">The rule's id.</param>
    /// <returns>This registry, for chaining.</returns>
    /// <exception cref="ArgumentException">The rule id is invalid or already registered.</exception>
    public RuleSettingsRegistry RegisterWithoutSettings(RuleId rule)
    {
        if (!RuleId.IsValid(rule.Value) || _byRule.ContainsKey(rule))
        {
            throw new ArgumentException(_byRule.ContainsKey(rule) ? $"The settings of rule '{rule}' are already registered." : "A rule's settings need a valid rule id such as 'crm.no-channel'.", nameof(rule));
        }

        Add(new Entry(rule, typeof(NoSettings), null));
        return this;
    }

    /// <summary>Whether the settings of a rule are read as a typed record.</summary>
    /// <param name="rule">The rule's id.</param>
    /// <returns><see langword="true"/> for a built-in or registered rule.</returns>
    public bool IsKnown(RuleId rule) => _byRule.ContainsKey(rule);

    /// <summary>The settings type registered for a rule.</summary>
    /// <param name="rule">The rule's id.</param>
    /// <returns>The type, or <see langword="null"/> when the rule's settings are kept as <see cref="UnknownRuleSettings"/>.</returns>
    public Type? SettingsTypeOf(RuleId rule) => _byRule.GetValueOrDefault(rule)?.Type;

    internal RuleSettingsRegistry Copy()
    {
        var copy = new RuleSettingsRegistry();
        foreach (var entry in _byRule.Values)
        {
            if (!copy._byRule.ContainsKey(entry.Rule))
            {
                copy.Add(entry);
            }
        }

        return copy;
    }

    /// <summary>Reads the settings of a rule from their JSON object, or keeps them verbatim when the rule is not registered.</summary>
    /// <exception cref="JsonException">The object does not fit the rule's settings record.</exception>
    internal RuleSettings Read(RuleId rule, UnknownRuleSettings read, JsonSerializerOptions options)
    {
        if (!_byRule.TryGetValue(rule, out var entry))
        {
            return read;
        }

        var typeInfo = entry.TypeInfo ?? options.GetTypeInfo(entry.Type);
        return JsonSerializer.Deserialize(read.Content, typeInfo) as RuleSettings
            ?? throw new JsonException($"The settings of rule '{rule}' are null; expected an object such as {{\"enabled\": true}}.");
    }

    /// <summary>Writes typed settings through the metadata registered for their type.</summary>
    /// <exception cref="InvalidOperationException">No rule registers the settings' type.</exception>
    internal void Write(Utf8JsonWriter writer, RuleSettings settings, JsonSerializerOptions options)
    {
        if (!_byType.TryGetValue(settings.GetType(), out var entry))
        {
            throw new InvalidOperationException($"Rule settings of type {settings.GetType().Name} cannot be written: register the rule they belong to with JourneyJsonOptions.RuleSettings.Register.");
        }

        JsonSerializer.Serialize(writer, settings, entry.TypeInfo ?? options.GetTypeInfo(entry.Type));
    }

    private void Add(Entry entry)
    {
        _byRule.Add(entry.Rule, entry);
        _byType.TryAdd(entry.Type, entry);
    }

    private sealed record Entry(RuleId Rule, Type Type, JsonTypeInfo? TypeInfo);
}
