using System.Threading.Tasks;
using NodaTime;
using OutOfDark;
using OutOfDark.Testing.Xunit;

namespace OutOfDark.Tests.Storage;

public sealed class InMemoryJourneyStoreContractTests : JourneyStoreContractTests
{
    protected override Task<IJourneyStore> CreateStoreAsync(IClock clock) => Task.FromResult<IJourneyStore>(new InMemoryJourneyStore(clock));
}
