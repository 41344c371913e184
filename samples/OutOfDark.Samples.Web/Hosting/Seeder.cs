using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using NodaTime.Testing;
using OutOfDark.Samples.OnlineStore;
using OutOfDark;

namespace OutOfDark.Samples.Web.Hosting;

/// <summary>Stores the online-store journey when the host starts on an empty workspace.</summary>
internal sealed class Seeder(IJourneyStore store, WebOptions options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Seed || options.Workspace != OnlineStoreJourney.Workspace)
        {
            return;
        }

        var existing = await store.ListAsync(options.Workspace, cancellationToken).ConfigureAwait(false);
        if (existing.Count == 0)
        {
            var journey = OnlineStoreJourney.Build(new FakeClock(OnlineStoreJourney.CreatedAt));
            await store.SaveAsync(journey, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
