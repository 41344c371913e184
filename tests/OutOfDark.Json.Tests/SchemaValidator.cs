using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OutOfDark.Json.Tests;

/// <summary>
/// A small JSON Schema evaluator for exactly the keywords the shipped schema uses (no validator package restores from
/// the feed these machines reach). <see cref="Keywords"/> lists them; a test keeps the schema within that list.
/// </summary>
internal sealed class SchemaValidator(JsonElement root)
{
    public static readonly IReadOnlySet<string> Keywords = new HashSet<string>(StringComparer.Ordinal)
    {
        "$schema", "$id", "title", "description", "$defs", "$ref", "anyOf", "oneOf", "not", "type", "properties",
        "required", "additionalProperties", "items", "enum", "const", "pattern", "minLength", "maxLength", "minimum",
        "maximum", "minItems",
    };

    private readonly Dictionary<string, Regex> _patterns = [];

    public List<string> Validate(JsonElement value)
    {
        var errors = new List<string>();
        Check(root, value, "$", errors);
        return errors;
    }

    /// <summary>Every keyword in every subschema, to prove the schema uses only what this evaluator understands.</summary>
    public static IEnumerable<string> KeywordsIn(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var property in schema.EnumerateObject())
        {
            yield return property.Name;
            var children = property.Name switch
            {
                "$defs" or "properties" => property.Value.EnumerateObject().Select(p => p.Value),
                "anyOf" or "oneOf" => property.Value.EnumerateArray(),
                "not" or "items" or "additionalProperties" => [property.Value],
                _ => [],
            };
            foreach (var keyword in children.SelectMany(KeywordsIn))
            {
                yield return keyword;
            }
        }
    }

    private void Check(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        if (schema.ValueKind == JsonValueKind.True)
        {
            return;
        }

        if (schema.ValueKind == JsonValueKind.False)
        {
            errors.Add($"{path}: not allowed");
            return;
        }

        foreach (var keyword in schema.EnumerateObject())
        {
            var s = keyword.Value;
            switch (keyword.Name)
            {
                case "$ref":
                    Check(Resolve(s.GetString()!), value, path, errors);
                    break;
                case "anyOf":
                    if (!s.EnumerateArray().Any(sub => Passes(sub, value, path)))
                    {
                        errors.Add($"{path}: matches none of anyOf");
                    }

                    break;
                case "oneOf":
                    var matches = s.EnumerateArray().Count(sub => Passes(sub, value, path));
                    if (matches != 1)
                    {
                        errors.Add($"{path}: matches {matches} of oneOf, not exactly one");
                    }

                    break;
                case "not":
                    if (Passes(s, value, path))
                    {
                        errors.Add($"{path}: matches a schema it must not");
                    }

                    break;
                case "type":
                    var types = s.ValueKind == JsonValueKind.Array ? s.EnumerateArray().Select(t => t.GetString()!).ToList() : [s.GetString()!];
                    if (!types.Any(t => IsType(value, t)))
                    {
                        errors.Add($"{path}: expected {string.Join(" or ", types)}, found {value.ValueKind}");
                    }

                    break;
                case "properties" when value.ValueKind == JsonValueKind.Object:
                    foreach (var member in value.EnumerateObject())
                    {
                        if (s.TryGetProperty(member.Name, out var sub))
                        {
                            Check(sub, member.Value, path + "." + member.Name, errors);
                        }
                    }

                    break;
                case "additionalProperties" when value.ValueKind == JsonValueKind.Object:
                    var declared = schema.TryGetProperty("properties", out var props) ? props : default;
                    foreach (var member in value.EnumerateObject())
                    {
                        if (declared.ValueKind != JsonValueKind.Object || !declared.TryGetProperty(member.Name, out _))
                        {
                            Check(s, member.Value, path + "." + member.Name, errors);
                        }
                    }

                    break;
                case "required" when value.ValueKind == JsonValueKind.Object:
                    foreach (var name in s.EnumerateArray().Select(n => n.GetString()!))
                    {
                        if (!value.TryGetProperty(name, out _))
                        {
                            errors.Add($"{path}: missing required '{name}'");
                        }
                    }

                    break;
                case "items" when value.ValueKind == JsonValueKind.Array:
                    var i = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        Check(s, item, $"{path}[{i++}]", errors);
                    }

                    break;
                case "minItems" when value.ValueKind == JsonValueKind.Array:
                    if (value.GetArrayLength() < s.GetInt32())
                    {
                        errors.Add($"{path}: fewer than {s.GetInt32()} items");
                    }

                    break;
                case "enum":
                    if (!s.EnumerateArray().Any(e => JsonElement.DeepEquals(e, value)))
                    {
                        errors.Add($"{path}: {value.GetRawText()} is not in the enum");
                    }

                    break;
                case "const":
                    if (!JsonElement.DeepEquals(s, value))
                    {
                        errors.Add($"{path}: {value.GetRawText()} is not {s.GetRawText()}");
                    }

                    break;
                case "pattern" when value.ValueKind == JsonValueKind.String:
                    if (!Pattern(s.GetString()!).IsMatch(value.GetString()!))
                    {
                        errors.Add($"{path}: '{value.GetString()}' does not match {s.GetString()}");
                    }

                    break;
                case "minLength" when value.ValueKind == JsonValueKind.String:
                    if (value.GetString()!.EnumerateRunes().Count() < s.GetInt32())
                    {
                        errors.Add($"{path}: shorter than {s.GetInt32()}");
                    }

                    break;
                case "maxLength" when value.ValueKind == JsonValueKind.String:
                    if (value.GetString()!.EnumerateRunes().Count() > s.GetInt32())
                    {
                        errors.Add($"{path}: longer than {s.GetInt32()}");
                    }

                    break;
                case "minimum" when value.ValueKind == JsonValueKind.Number:
                    if (value.GetDouble() < s.GetDouble())
                    {
                        errors.Add($"{path}: below {s.GetDouble().ToString(CultureInfo.InvariantCulture)}");
                    }

                    break;
                case "maximum" when value.ValueKind == JsonValueKind.Number:
                    if (value.GetDouble() > s.GetDouble())
                    {
                        errors.Add($"{path}: above {s.GetDouble().ToString(CultureInfo.InvariantCulture)}");
                    }

                    break;
            }
        }
    }

    private bool Passes(JsonElement schema, JsonElement value, string path)
    {
        var errors = new List<string>();
        Check(schema, value, path, errors);
        return errors.Count == 0;
    }

    private JsonElement Resolve(string reference)
    {
        const string Prefix = "#/$defs/";
        if (!reference.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new NotSupportedException($"Only local $defs references are supported: {reference}");
        }

        return root.GetProperty("$defs").GetProperty(reference[Prefix.Length..]);
    }

    private Regex Pattern(string pattern)
    {
        if (!_patterns.TryGetValue(pattern, out var regex))
        {
            regex = new Regex(pattern, RegexOptions.CultureInvariant);
            _patterns.Add(pattern, regex);
        }

        return regex;
    }

    private static bool IsType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var d) && d == decimal.Truncate(d),
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => throw new NotSupportedException($"Unknown type '{type}'."),
    };
}
