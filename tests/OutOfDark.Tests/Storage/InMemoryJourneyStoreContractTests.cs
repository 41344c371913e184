using System.Threading.Tasks;
using NodaTime;
using OutOfDark;
using OutOfDark.Testing;

namespace OutOfDark.Tests.Storage;

public sealed class InMemoryJourneyStoreContractTests : JourneyStoreContract
{
    protected override Task<IJourneyStore> CreateStoreAsync(IClock clock) => Task.FromResult<IJourneyStore>(new InMemoryJourneyStore(clock));
}
