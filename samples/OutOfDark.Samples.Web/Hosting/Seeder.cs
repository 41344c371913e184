using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using NodaTime.Testing;
using OutOfDark.Samples.OnlineStore;
using OutOfDark;
using OutOfDark.Extensions.DependencyInjection;

namespace OutOfDark.Samples.Web.Hosting;

/// <summary>Stores the online-store journey when the host starts on an empty workspace.</summary>
internal sealed class Seeder(IJourneyCommitStore store, JourneyWarnings warnings, WebOptions options) : IHostedService
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
            // Through the feed like every other change: the warnings the seed raises reach the subscribers.
            await warnings.CommitAsync(store, journey, warnings.CreateEngine(journey), cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
