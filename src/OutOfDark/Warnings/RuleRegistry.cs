using Ardalis.GuardClauses;
using System;
using System.Collections.Generic;
using OutOfDark.Warnings;

namespace OutOfDark.Warnings;

/// <summary>The rules an engine runs: the built-ins and any an integrator adds, each under a unique id.</summary>
/// <remarks>
/// Add rules before creating engines; an engine copies the list when created. Not thread-safe while being changed.
/// </remarks>
public sealed class RuleRegistry
{
    private readonly List<IWarningRule> _rules = [];
    private readonly Dictionary<RuleId, IWarningRule> _byId = [];

    /// <summary>A registry holding every built-in rule (see <see cref="BuiltInRules.All"/>).</summary>
    /// <returns>The registry.</returns>
    public static RuleRegistry WithBuiltIns()
    {
        var registry = new RuleRegistry();
        foreach (var rule in BuiltInRules.All)
        {
            registry.Add(rule);
        }

        return registry;
    }

    /// <summary>The rules, in the order they were added.</summary>
    public IReadOnlyList<IWarningRule> Rules => _rules;

    /// <summary>Adds a rule.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>This registry, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A rule with the same id is already registered, or the rule's settings do not fit it.</exception>
    public RuleRegistry Add(IWarningRule rule)
    {
        Guard.Against.Null(rule);
        if (_byId.TryGetValue(rule.Id, out var existing))
        {
            throw new ArgumentException($"A rule with id '{rule.Id}' is already registered ({existing.GetType().Name}); give '{rule.GetType().Name}' another id.", nameof(rule));
        }

        if (rule.SettingsType is null || !typeof(RuleSettings).IsAssignableFrom(rule.SettingsType) || !rule.SettingsType.IsInstanceOfType(rule.DefaultSettings))
        {
            throw new ArgumentException($"Rule '{rule.Id}' must name a settings type derived from RuleSettings and default settings of that type.", nameof(rule));
        }

        if (!Enum.IsDefined(rule.Scope) || !Enum.IsDefined(rule.DefaultSeverity))
        {
            throw new ArgumentException($"Rule '{rule.Id}' has an undefined scope or severity.", nameof(rule));
        }

        _rules.Add(rule);
        _byId.Add(rule.Id, rule);
        return this;
    }

    /// <summary>Finds a rule.</summary>
    /// <param name="id">The rule's id.</param>
    /// <returns>The rule, or <see langword="null"/>.</returns>
    public IWarningRule? Find(RuleId id) => _byId.GetValueOrDefault(id);

    /// <summary>Gets a rule.</summary>
    /// <param name="id">The rule's id.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="KeyNotFoundException">No rule has that id.</exception>
    public IWarningRule Get(RuleId id) =>
        Find(id) ?? throw new KeyNotFoundException($"No warning rule with id '{id}' is registered.");
}
