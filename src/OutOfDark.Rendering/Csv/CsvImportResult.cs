namespace OutOfDark.Rendering;

/// <summary>What an import did.</summary>
/// <param name="Applied">How many rows were applied to the journey.</param>
/// <param name="Rejected">The rows refused, in file order; always empty in <see cref="CsvImportMode.AllOrNothing"/> mode.</param>
public sealed record CsvImportResult(int Applied, ValueList<CsvRowError> Rejected);
