namespace OutOfDark.Warnings;

/// <summary>
/// A journey store that keeps its own workspace read model (<see cref="IWorkspaceWarnings"/>), for example in the same
/// database: the SQLite and PostgreSQL stores. Host wiring uses it instead of an in-memory read model.
/// </summary>
public interface IWorkspaceWarningsSource
{
    /// <summary>The store's workspace read model; the same instance on every read.</summary>
    IWorkspaceWarnings WorkspaceWarnings { get; }
}
