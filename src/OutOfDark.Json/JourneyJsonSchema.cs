using System.IO;

namespace OutOfDark.Json;

/// <summary>
/// The JSON Schema (draft 2020-12) of the journey document, the event-stream document and single events, as shipped in
/// this package (also as the file <c>schemas/outofdark-journey.schema.json</c>). The schema checks shapes and values;
/// the reader also checks the journey's rules, which a schema cannot express.
/// </summary>
public static class JourneyJsonSchema
{
    /// <summary>The schema's file name.</summary>
    public const string FileName = "outofdark-journey.schema.json";

    /// <summary>Opens the schema's UTF-8 text.</summary>
    /// <returns>A stream the caller disposes.</returns>
    public static Stream Open() =>
        typeof(JourneyJsonSchema).Assembly.GetManifestResourceStream("OutOfDark.Json." + FileName)
        ?? throw new FileNotFoundException("The JSON Schema resource is missing from OutOfDark.Json.", FileName);

    /// <summary>Reads the schema's text.</summary>
    /// <returns>The schema as JSON text.</returns>
    public static string ReadText()
    {
        using var reader = new StreamReader(Open());
        return reader.ReadToEnd();
    }
}
