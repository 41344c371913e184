using System.Threading.Tasks;
using NodaTime;
using OutOfDark.Tests.Shared;
using OutOfDark.Warnings;

namespace OutOfDark.Tests.Storage;

public sealed class InMemoryWorkspaceWarningsTests : WorkspaceWarningsChecks
{
    protected override Task<IWorkspaceWarnings> OpenAsync(IClock clock) => Task.FromResult<IWorkspaceWarnings>(new InMemoryWorkspaceWarnings(clock));
}
