using System.Threading.Tasks;
using NodaTime;
using OutOfDark.Storage;
using OutOfDark.Testing.Storage;

namespace OutOfDark.Tests.Storage;

public sealed class InMemoryJourneyStoreContractTests : JourneyStoreContract
{
    protected override Task<IJourneyStore> CreateStoreAsync(IClock clock) => Task.FromResult<IJourneyStore>(new InMemoryJourneyStore(clock));
}
