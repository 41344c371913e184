using Ardalis.GuardClauses;
using System;
using System.Collections.Generic;
using System.Linq;

namespace OutOfDark.Rendering;

/// <summary>An import found bad rows (or a bad header) and applied nothing.</summary>
public sealed class CsvImportException : Exception
{
    /// <summary>Creates the exception from the rows refused.</summary>
    /// <param name="errors">The bad rows, in file order.</param>
    public CsvImportException(IReadOnlyList<CsvRowError> errors)
        : base(Describe(errors))
    {
        Errors = ValueList<CsvRowError>.From(errors);
    }

    /// <summary>Creates the exception with a message and no row errors.</summary>
    public CsvImportException()
        : this("The CSV could not be imported.")
    {
    }

    /// <summary>Creates the exception with a message and no row errors.</summary>
    /// <param name="message">What is wrong.</param>
    public CsvImportException(string message)
        : base(message)
    {
        Errors = ValueList<CsvRowError>.Empty;
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public CsvImportException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = ValueList<CsvRowError>.Empty;
    }

    /// <summary>The bad rows, in file order, each with its line and reason.</summary>
    public ValueList<CsvRowError> Errors { get; }

    private static string Describe(IReadOnlyList<CsvRowError> errors)
    {
        Guard.Against.Null(errors);
        var shown = string.Join("; ", errors.Take(5));
        var more = errors.Count > 5 ? $"; and {errors.Count - 5} more" : "";
        var text = $"The CSV has {errors.Count} bad {(errors.Count == 1 ? "row" : "rows")}, so nothing was imported: {shown}{more}";
        return text.EndsWith('.') ? text : text + ".";
    }
}
