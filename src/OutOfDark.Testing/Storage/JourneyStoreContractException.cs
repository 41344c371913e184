using System;

namespace OutOfDark.Testing;

/// <summary>
/// A store failed one check of the <see cref="JourneyStoreContract"/>: the message names the check and what was expected
/// and found; <see cref="Exception.InnerException"/> holds the exception the check or the store threw.
/// </summary>
public sealed class JourneyStoreContractException : Exception
{
    /// <summary>Creates the exception for a failed check.</summary>
    /// <param name="checkName">The check that failed, one of <see cref="JourneyStoreContract.CheckNames"/>.</param>
    /// <param name="message">What was expected and what the store did.</param>
    /// <param name="innerException">The exception the check or the store threw.</param>
    public JourneyStoreContractException(string checkName, string message, Exception? innerException)
        : base(message, innerException) => CheckName = checkName;

    /// <summary>Creates the exception without a check name.</summary>
    public JourneyStoreContractException()
        : this(string.Empty, "A journey store failed a contract check.", null)
    {
    }

    /// <summary>Creates the exception without a check name.</summary>
    /// <param name="message">What was expected and what the store did.</param>
    public JourneyStoreContractException(string message)
        : this(string.Empty, message, null)
    {
    }

    /// <summary>Creates the exception without a check name.</summary>
    /// <param name="message">What was expected and what the store did.</param>
    /// <param name="innerException">The exception the check or the store threw.</param>
    public JourneyStoreContractException(string message, Exception? innerException)
        : this(string.Empty, message, innerException)
    {
    }

    /// <summary>The check that failed, one of <see cref="JourneyStoreContract.CheckNames"/>; empty when not known.</summary>
    public string CheckName { get; }
}
