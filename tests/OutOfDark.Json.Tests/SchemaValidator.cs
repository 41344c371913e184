using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Json.Schema;

namespace OutOfDark.Json.Tests;

/// <summary>
/// Validates JSON against a JSON Schema (draft 2020-12) with JsonSchema.Net, a maintained validator, instead of an
/// evaluator of our own. Unknown keywords are refused when the schema is built, so a misspelt keyword ("require")
/// fails the test instead of being ignored. Format keywords are asserted (<c>date</c>, <c>date-time</c>, <c>uri</c>).
/// </summary>
internal sealed class SchemaValidator
{
    private static readonly EvaluationOptions Options = new()
    {
        OutputFormat = OutputFormat.List,
        RequireFormatValidation = true,
    };

    private readonly JsonSchema _schema;

    public SchemaValidator(string schemaText)
    {
        // "$schema" picks the dialect from the registry, so the strict one replaces draft 2020-12 there.
        var strict = Dialect.Draft202012.With([], MetaSchemas.Draft202012Id, allowUnknownKeywords: false);
        var dialects = new DialectRegistry();
        dialects.Register(strict);
        _schema = JsonSchema.FromText(schemaText, new BuildOptions { Dialect = strict, DialectRegistry = dialects, SchemaRegistry = new SchemaRegistry() });
    }

    /// <summary>The errors of <paramref name="value"/>, each as "instance path: message"; empty when it is valid.</summary>
    public List<string> Validate(JsonElement value) => Errors(_schema.Evaluate(value, Options));

    /// <summary>The errors of a schema document against the draft 2020-12 meta-schema.</summary>
    public static List<string> MetaSchemaErrors(JsonElement schema) => Errors(MetaSchemas.Draft202012.Evaluate(schema, Options));

    private static List<string> Errors(EvaluationResults results)
    {
        if (results.IsValid)
        {
            return [];
        }

        var errors = (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .ToList();
        return errors.Count > 0 ? errors : ["invalid (no detail)"];
    }
}
