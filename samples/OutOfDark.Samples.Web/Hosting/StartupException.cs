using System;

namespace OutOfDark.Samples.Web.Hosting;

/// <summary>
/// The host cannot start: a configuration key is wrong or the store cannot be reached. The message is one line that
/// names the key or the server and what to do; the entry point prints it and exits with code 1 instead of a stack trace.
/// </summary>
internal sealed class StartupException : Exception
{
    public StartupException(string message)
        : base(message)
    {
    }

    public StartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
