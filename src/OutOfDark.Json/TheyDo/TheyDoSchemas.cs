using System.IO;

namespace OutOfDark.Json.TheyDo;

/// <summary>
/// OutOfDark's JSON Schemas (draft 2020-12) of TheyDo's metrics and opportunities files: our own documents expressing
/// the constraints TheyDo publishes (source repository and commit in each schema's <c>$comment</c>), shipped in this
/// package and also as files under <c>schemas/theydo/</c>.
/// </summary>
public static class TheyDoSchemas
{
    /// <summary>The metrics file schema's file name.</summary>
    public const string MetricsFileName = "theydo-metrics-file.schema.json";

    /// <summary>The opportunities file schema's file name.</summary>
    public const string OpportunitiesFileName = "theydo-opportunities-file.schema.json";

    /// <summary>Reads the metrics file schema.</summary>
    /// <returns>The schema as JSON text.</returns>
    /// <exception cref="FileNotFoundException">The resource is missing from the assembly (a broken build).</exception>
    public static string ReadMetricsSchema() => Read(MetricsFileName);

    /// <summary>Reads the opportunities file schema.</summary>
    /// <returns>The schema as JSON text.</returns>
    /// <exception cref="FileNotFoundException">The resource is missing from the assembly (a broken build).</exception>
    public static string ReadOpportunitiesSchema() => Read(OpportunitiesFileName);

    private static string Read(string name)
    {
        using var stream = typeof(TheyDoSchemas).Assembly.GetManifestResourceStream("OutOfDark.Json.TheyDo." + name)
            ?? throw new FileNotFoundException("A TheyDo JSON Schema resource is missing from OutOfDark.Json.", name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
