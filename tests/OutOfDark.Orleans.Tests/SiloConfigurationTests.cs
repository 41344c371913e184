using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using Orleans.Hosting;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Orleans.Tests;

/// <summary>What a silo refuses at start, and how warning rows are named; no PostgreSQL needed.</summary>
public sealed class SiloConfigurationTests
{
    [Fact]
    public async Task A_silo_whose_store_has_no_command_ledger_refuses_to_start_and_says_what_to_do()
    {
        using var host = Silo(allowWithoutLedger: false, port: 22311);
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("command ledger", refused.Message, StringComparison.Ordinal);
        Assert.Contains("UseOrleansPostgreSql", refused.Message, StringComparison.Ordinal);
        Assert.Contains("AllowStoreWithoutCommandLedger", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_silo_that_accepts_repeats_starts_with_the_in_memory_store()
    {
        using var host = Silo(allowWithoutLedger: true, port: 22321);
        await host.StartAsync();
        await host.StopAsync();
    }

    [Fact]
    public void A_metric_warning_is_named_activity_then_metric_as_in_the_warnings_view()
    {
        var ana = new Actor("ana");
        var start = Instant.FromUtc(2031, 3, 1, 12, 0);
        var journey = Journey.Create(ana, WorkspaceId.New(), "Shop", new FakeClock(start));
        var phase = journey.AddPhase(ana, "Buy");
        var checkout = journey.AddActivity(ana, phase, "Checkout", details: ActivityDetails.Empty with { Owner = "ana" });
        var metric = journey.AddWidget(ana, checkout, new MetricWidget("Conversion"));
        journey.RecordObservation(ana, metric, new LocalDate(2031, 3, 1), 10m);
        var probe = new WarningEngine(journey, new FakeClock(start));
        probe.EvaluateAll();
        var due = probe.NextDue ?? throw new InvalidOperationException("The stale-data rule set no due instant.");

        var engine = new WarningEngine(journey, new FakeClock(due + Duration.FromDays(1)));
        engine.EvaluateAll();
        var stale = engine.View().Single(i => i.Key.Subject.Kind == SubjectKind.Metric);

        var item = WarningItem.From(stale);

        Assert.Equal("Metric", item.SubjectKind);
        Assert.Equal("Conversion on Checkout", item.SubjectName);
    }

    private static IHost Silo(bool allowWithoutLedger, int port)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.UseOrleans(silo => silo
            .UseOutOfDarkLocalhostClustering(port, port + 1, port)
            .AddOutOfDarkGrains(grains: g => g.AllowStoreWithoutCommandLedger = allowWithoutLedger));
        return builder.Build();
    }
}

/// <summary>The payload hash kept with a command's id.</summary>
public sealed class CommandPayloadHashTests
{
    [Fact]
    public void The_hash_ignores_the_command_id_and_changes_with_any_member_or_the_command_type()
    {
        var phase = Guid.NewGuid();
        var add = new AddPhase { CommandId = Guid.NewGuid(), Actor = "ana", PhaseId = phase, Name = "Do" };

        Assert.Equal(32, add.PayloadHash().Length);
        Assert.Equal(add.PayloadHash(), (add with { CommandId = Guid.NewGuid() }).PayloadHash());
        Assert.NotEqual(add.PayloadHash(), (add with { Name = "Done" }).PayloadHash());
        Assert.NotEqual(add.PayloadHash(), (add with { Actor = "bo" }).PayloadHash());
        Assert.NotEqual(add.PayloadHash(), (add with { Reason = "why" }).PayloadHash());
        Assert.NotEqual(add.PayloadHash(), (add with { PhaseId = Guid.NewGuid() }).PayloadHash());
        Assert.NotEqual(
            new RenameActivity { CommandId = add.CommandId, Actor = "ana", ActivityId = phase, Name = "Do" }.PayloadHash(),
            add.PayloadHash());
    }
}
