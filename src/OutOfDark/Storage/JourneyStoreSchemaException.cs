using System;

namespace OutOfDark;

/// <summary>
/// Thrown when a store opens a database whose schema it cannot use: most often one written by a newer version of the
/// adapter. The database is left untouched.
/// </summary>
public sealed class JourneyStoreSchemaException : Exception
{
    /// <summary>Creates the exception for a database from a newer version of the adapter.</summary>
    /// <param name="store">The adapter, for example "OutOfDark.Storage.Sqlite".</param>
    /// <param name="database">Where the database is, as the user named it (a path or a server and database name).</param>
    /// <param name="foundVersion">The schema version the database records.</param>
    /// <param name="supportedVersion">The newest schema version the adapter knows.</param>
    public JourneyStoreSchemaException(string store, string database, int foundVersion, int supportedVersion)
        : base($"The database {database} has OutOfDark schema version {foundVersion}, but this version of {store} knows versions up to {supportedVersion}. It was written by a newer {store}: upgrade the package to use it. The database was left untouched.")
    {
        FoundVersion = foundVersion;
        SupportedVersion = supportedVersion;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public JourneyStoreSchemaException()
        : base("The database's OutOfDark schema cannot be used by this store.")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">The message.</param>
    public JourneyStoreSchemaException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public JourneyStoreSchemaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The schema version the database records; 0 when not known.</summary>
    public int FoundVersion { get; }

    /// <summary>The newest schema version the store knows; 0 when not known.</summary>
    public int SupportedVersion { get; }
}
