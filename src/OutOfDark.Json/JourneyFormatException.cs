using System;

namespace OutOfDark.Json;

/// <summary>
/// Thrown when a JSON document or event stream cannot be read as a valid journey: malformed JSON, a wrong type, an
/// unknown enum value or event type, a broken journey rule (duplicate ids, a cycle in the map, a missing phase, …),
/// a document deeper or larger than the limits, or a schema version this program cannot read.
/// </summary>
/// <remarks>
/// Readers throw this type and no other for bad input, and never return a half-built journey. <see cref="Path"/> points
/// at the offending value; the message says what is wrong there.
/// </remarks>
public sealed class JourneyFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JourneyFormatException()
        : base("The JSON is not a valid OutOfDark journey document.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    public JourneyFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public JourneyFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, without the path.</param>
    /// <param name="path">The JSON path of the offending value, for example <c>$.activities[3].widgets[0].kind</c>.</param>
    /// <param name="innerException">The cause, if any.</param>
    public JourneyFormatException(string message, string? path, Exception? innerException = null)
        : base(path is null ? message : $"{message} (at {path})", innerException)
    {
        Path = path;
        Problem = message;
    }

    /// <summary>The JSON path of the offending value, for example <c>$.activities[3].widgets[0].kind</c>, when known.</summary>
    public string? Path { get; }

    /// <summary>What is wrong, without the path.</summary>
    public string? Problem { get; }
}
