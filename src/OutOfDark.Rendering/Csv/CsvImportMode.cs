namespace OutOfDark.Rendering;

/// <summary>What an import does when some rows are bad.</summary>
public enum CsvImportMode
{
    /// <summary>Apply nothing unless every row is valid; bad rows throw <see cref="CsvImportException"/>. The default.</summary>
    AllOrNothing = 0,

    /// <summary>Apply the valid rows and return the rejected ones in <see cref="CsvImportResult.Rejected"/>.</summary>
    ApplyValidRows = 1,
}
