using System.Threading.Tasks;
using NodaTime;
using OutOfDark.Testing.XunitV3;

namespace OutOfDark.Testing.XunitV3.Tests;

public sealed class InMemoryJourneyStoreContractTests : JourneyStoreContractTests
{
    protected override Task<IJourneyStore> CreateStoreAsync(IClock clock) => Task.FromResult<IJourneyStore>(new InMemoryJourneyStore(clock));
}
