using System.Text.Json;

namespace OutOfDark.Json;

/// <summary>
/// A reading failure deep inside a converter. System.Text.Json fills <see cref="JsonException.Path"/> with the path of the
/// value the converter was reading; <see cref="RelativePath"/> adds where inside that value the problem is.
/// </summary>
internal sealed class JsonPathException : JsonException
{
    public JsonPathException(string message, string relativePath)
        : base(message) => RelativePath = relativePath;

    public JsonPathException(string message, string relativePath, System.Exception innerException)
        : base(message, innerException) => RelativePath = relativePath;

    public string RelativePath { get; }

    /// <summary>Joins a path System.Text.Json reported with the relative path a converter added.</summary>
    public static string Combine(string? outer, string relative)
    {
        outer ??= "$";
        return relative.Length == 0 ? outer : outer + relative;
    }

    /// <summary>The full path of <paramref name="ex"/> relative to the value its reader started at.</summary>
    public static string PathOf(JsonException ex) =>
        ex is JsonPathException nested ? Combine(ex.Path, nested.RelativePath) : ex.Path ?? "$";

    /// <summary>Re-throws a failure from a nested read as one relative to the outer value, under <paramref name="prefix"/>.</summary>
    public static JsonPathException Nest(JsonException ex, string prefix)
    {
        var inner = PathOf(ex);
        var rest = inner.StartsWith('$') ? inner[1..] : inner;
        return new JsonPathException(JourneyJsonSerializer.CleanMessage(ex), prefix + rest);
    }
}
