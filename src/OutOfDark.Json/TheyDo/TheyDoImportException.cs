using System;

namespace OutOfDark.Json.TheyDo;

/// <summary>
/// A TheyDo file could not be imported into a journey: an import key without a target, a target that is not a metric,
/// a segmented data point, a data point without answers, or a value the journey refuses. Nothing was changed.
/// </summary>
public sealed class TheyDoImportException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TheyDoImportException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    public TheyDoImportException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public TheyDoImportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="problem">What is wrong, without the path.</param>
    /// <param name="path">The JSON path in the file, for example <c>$.metrics[2].importKey</c>.</param>
    /// <param name="importKey">The import key of the metric concerned.</param>
    /// <param name="innerException">The cause, if any (for example the journey's <see cref="JourneyRuleException"/>).</param>
    public TheyDoImportException(string problem, string path, string importKey, Exception? innerException = null)
        : base($"{problem} (at {path})", innerException)
    {
        (Problem, Path, ImportKey) = (problem, path, importKey);
    }

    /// <summary>The JSON path in the file, for example <c>$.metrics[2].dataPoints[0].dimensions</c>, when known.</summary>
    public string? Path { get; }

    /// <summary>The import key of the metric concerned, when known.</summary>
    public string? ImportKey { get; }

    /// <summary>What is wrong, without the path.</summary>
    public string? Problem { get; }
}
