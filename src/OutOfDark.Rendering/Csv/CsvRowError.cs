namespace OutOfDark.Rendering;

/// <summary>A row an import refused.</summary>
/// <param name="Line">The line the row starts on, counting the header as line 1.</param>
/// <param name="Reason">What is wrong, in words a person can act on.</param>
public sealed record CsvRowError(long Line, string Reason)
{
    /// <summary>Returns "line N: reason".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"line {Line}: {Reason}";
}
