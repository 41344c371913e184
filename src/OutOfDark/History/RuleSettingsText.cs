using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using OutOfDark.Events;
using OutOfDark.Warnings;

namespace OutOfDark;

/// <summary>
/// Describes a change of rule settings in words: "Raised the minimum run of rule "Metric past threshold" on activity
/// "Checkout" from 1 to 3". Settings are records, so their members are read from the record's own printed form
/// (no reflection, which trimming would break), written with the invariant culture.
/// </summary>
internal static class RuleSettingsText
{
    public static string Describe(RuleSettingsChanged x, string where)
    {
        var rule = RuleName(x.Rule);
        if (x.Current is null)
        {
            return $"Cleared the settings of rule {rule} {where}" + (x.Activity is null && x.Metric is null ? " (the host's defaults apply again)" : " (the wider settings apply again)");
        }

        if (x.Current is UnknownRuleSettings || x.Previous is UnknownRuleSettings)
        {
            return $"Changed the settings of rule {rule} {where}";
        }

        var now = Members(x.Current);
        if (x.Previous is null)
        {
            return now.Count == 0 ? $"Set the settings of rule {rule} {where}" : $"Set rule {rule} {where}: {Join(now, null)}";
        }

        var was = Members(x.Previous);
        if (was.TryGetValue("Enabled", out var wasOn) && now.TryGetValue("Enabled", out var isOn) && wasOn != isOn)
        {
            var rest = Changed(was, now, except: "Enabled");
            return (isOn == "true" ? $"Switched on rule {rule} {where}" : $"Switched off rule {rule} {where}") + (rest.Count == 0 ? "" : $"; {string.Join("; ", rest)}");
        }

        var changes = Changed(was, now, except: null);
        if (changes.Count == 1 && Single(was, now) is var (name, from, to)
            && decimal.TryParse(from, NumberStyles.Number, CultureInfo.InvariantCulture, out var a) && decimal.TryParse(to, NumberStyles.Number, CultureInfo.InvariantCulture, out var b))
        {
            return $"{(b > a ? "Raised" : "Lowered")} the {Words(name)} of rule {rule} {where} from {from} to {to}";
        }

        return changes.Count == 0 ? $"Changed the settings of rule {rule} {where}" : $"Changed rule {rule} {where}: {string.Join("; ", changes)}";
    }

    private static string RuleName(RuleId id)
    {
        foreach (var rule in BuiltInRules.All)
        {
            if (rule.Id == id)
            {
                return $"\"{rule.Name}\"";
            }
        }

        return $"'{id}'";
    }

    private static List<string> Changed(Dictionary<string, string> was, Dictionary<string, string> now, string? except)
    {
        var parts = new List<string>();
        foreach (var (name, value) in now)
        {
            if (name != except && (!was.TryGetValue(name, out var old) || old != value))
            {
                parts.Add($"{Words(name)} {old ?? "(none)"} → {value}");
            }
        }

        return parts;
    }

    private static (string Name, string From, string To)? Single(Dictionary<string, string> was, Dictionary<string, string> now)
    {
        foreach (var (name, value) in now)
        {
            if (was.TryGetValue(name, out var old) && old != value)
            {
                return (name, old, value);
            }
        }

        return null;
    }

    private static string Join(Dictionary<string, string> members, string? except)
    {
        var parts = new List<string>();
        foreach (var (name, value) in members)
        {
            if (name != except && name != "Enabled")
            {
                parts.Add($"{Words(name)} {value}");
            }
        }

        if (members.TryGetValue("Enabled", out var on) && on != "true")
        {
            parts.Insert(0, "switched off");
        }

        return parts.Count == 0 ? "its defaults" : string.Join(", ", parts);
    }

    /// <summary>The members a record prints: <c>Name { A = 1, B = x }</c> → A: 1, B: x. Nested values stay whole.</summary>
    private static Dictionary<string, string> Members(RuleSettings settings)
    {
        string text;
        var culture = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = CultureInfo.InvariantCulture;
            text = settings.ToString();
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = culture;
        }

        var members = new Dictionary<string, string>();
        var open = text.IndexOf('{', System.StringComparison.Ordinal);
        if (open < 0 || !text.EndsWith('}'))
        {
            return members;
        }

        var body = text[(open + 1)..^1];
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= body.Length; i++)
        {
            var c = i < body.Length ? body[i] : ',';
            depth += c is '{' or '[' or '(' ? 1 : c is '}' or ']' or ')' ? -1 : 0;
            if (c == ',' && depth == 0)
            {
                var part = body[start..i];
                var eq = part.IndexOf(" = ", System.StringComparison.Ordinal);
                if (eq > 0)
                {
                    var value = part[(eq + 3)..].Trim();
                    members[part[..eq].Trim()] = value switch { "True" => "true", "False" => "false", _ => value };
                }

                start = i + 1;
            }
        }

        // A metric rule judging the metric's own series only (the default split) says nothing about segments.
        if (members.TryGetValue("SplitBy", out var split) && split == "None" && members.TryGetValue("SplitKeys", out var keys) && keys == "[]")
        {
            members.Remove("SplitBy");
            members.Remove("SplitKeys");
        }

        return members;
    }

    /// <summary>Turns a member name into lower-case words: <c>MinimumRun</c> → <c>minimum run</c>.</summary>
    private static string Words(string name)
    {
        var text = new System.Text.StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}
