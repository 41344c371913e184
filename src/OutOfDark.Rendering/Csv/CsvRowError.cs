namespace OutOfDark.Rendering;

/// <summary>A row an import refused.</summary>
/// <param name="Line">The line the row starts on, counting the header as line 1.</param>
/// <param name="Reason">What is wrong, in words a person can act on.</param>
public sealed record CsvRowError(long Line, string Reason)
{
    /// <summary>Returns "line N: reason", the reason starting in lower case after the colon (unless it starts with an acronym such as CSV).</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        Reason is { Length: > 1 } r && char.IsUpper(r[0]) && !char.IsUpper(r[1])
            ? $"line {Line}: {char.ToLowerInvariant(r[0])}{r[1..]}"
            : $"line {Line}: {Reason}";
}
