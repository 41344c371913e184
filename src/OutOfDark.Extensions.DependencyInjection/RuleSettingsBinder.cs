using System;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using OutOfDark.Warnings;

namespace OutOfDark.Extensions.DependencyInjection;

/// <summary>Reads rule settings from configuration: one section per rule id, bound onto a copy of the rule's defaults.</summary>
internal static class RuleSettingsBinder
{
    public static WarningSettings Bind(IConfigurationSection? rules, RuleRegistry registry)
    {
        var settings = WarningSettings.Default;
        if (rules is null)
        {
            return settings;
        }

        foreach (var section in rules.GetChildren())
        {
            if (!RuleId.IsValid(section.Key) || registry.Find(new RuleId(section.Key)) is not { } rule)
            {
                throw new InvalidOperationException($"Configuration section '{section.Path}' names no registered warning rule; registered rules: {string.Join(", ", RuleIds(registry))}.");
            }

            var copy = Copy(rule.DefaultSettings);
            try
            {
                section.Bind(copy, options => options.ErrorOnUnknownConfiguration = true);
            }
            catch (InvalidOperationException e)
            {
                throw new InvalidOperationException($"Configuration section '{section.Path}' does not fit the settings of rule '{rule.Id}' ({rule.SettingsType.Name}): {e.Message}", e);
            }

            if (copy.Validate() is { } problem)
            {
                throw new InvalidOperationException($"Configuration section '{section.Path}' is out of range for rule '{rule.Id}': {problem}");
            }

            settings = settings.With(rule.Id, copy);
        }

        return settings;
    }

    // Rule settings are records: the compiler-generated clone gives a copy to bind onto without touching the rule's defaults.
    private static RuleSettings Copy(RuleSettings defaults)
    {
        var clone = defaults.GetType().GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"Rule settings type {defaults.GetType().Name} is not a record, so it cannot be read from configuration.");
        return (RuleSettings)clone.Invoke(defaults, null)!;
    }

    private static string[] RuleIds(RuleRegistry registry) =>
        Array.ConvertAll([.. registry.Rules], r => r.Id.Value);
}
