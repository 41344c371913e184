using System.Threading.Tasks;
using NodaTime;
using Xunit;

namespace OutOfDark.Testing.XunitV3;

/// <summary>
/// The <see cref="JourneyStoreContract"/> as xunit.v3 tests: subclass it, open your store in
/// <see cref="CreateStoreAsync"/>, and xunit runs every contract check as one case of
/// <see cref="Store_passes_the_contract_check"/>, named after the check.
/// </summary>
/// <remarks>
/// A failed check fails its test case with a <see cref="JourneyStoreContractException"/> naming the check and what the
/// store did. A fixture the store needs (a database server, a temporary folder) is supplied the usual xunit way,
/// through the subclass's constructor and <c>IClassFixture&lt;T&gt;</c>.
/// </remarks>
/// <example>
/// <code>
/// public sealed class MyStoreContractTests : JourneyStoreContractTests
/// {
///     protected override Task&lt;IJourneyStore&gt; CreateStoreAsync(IClock clock) =&gt; Task.FromResult&lt;IJourneyStore&gt;(new MyStore(clock));
/// }
/// </code>
/// </example>
public abstract class JourneyStoreContractTests
{
    /// <summary>The names of the contract checks, one row each: the data of <see cref="Store_passes_the_contract_check"/>.</summary>
    public static TheoryData<string> ContractChecks
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var name in JourneyStoreContract.CheckNames)
            {
                data.Add(name);
            }

            return data;
        }
    }

    /// <summary>How many generated journeys the round-trip check stores: 40 unless overridden; at least 1. Lower it for slow stores.</summary>
    protected virtual int GeneratedJourneyCount => 40;

    /// <summary>How many writers race on one journey in the concurrency checks: 12 unless overridden; at least 8.</summary>
    protected virtual int ConcurrentWriters => 12;

    /// <summary>Runs one contract check against a store opened for it.</summary>
    /// <param name="check">The check's name, one of <see cref="JourneyStoreContract.CheckNames"/>.</param>
    /// <returns>A task that completes when the check has passed; the test run's cancellation stops it between steps.</returns>
    /// <exception cref="JourneyStoreContractException">The store failed the check.</exception>
    [Theory]
    [MemberData(nameof(ContractChecks))]
    public Task Store_passes_the_contract_check(string check) =>
        new JourneyStoreContract(CreateStoreAsync) { GeneratedJourneyCount = GeneratedJourneyCount, ConcurrentWriters = ConcurrentWriters }
            .RunAsync(check, TestContext.Current.CancellationToken);

    /// <summary>Opens the store under test, once per check.</summary>
    /// <param name="clock">The clock the store must give the journeys it loads.</param>
    /// <returns>The store; it may already hold journeys of other workspaces.</returns>
    protected abstract Task<IJourneyStore> CreateStoreAsync(IClock clock);
}
