using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Extensions.DependencyInjection.Tests;

/// <summary>Bad configuration stops a real host at start, before any service is asked for, with a message naming the key.</summary>
public sealed class HostStartTests
{
    private static IHost BuildHost(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        foreach (var (key, value) in settings)
        {
            builder.Configuration.AddInMemoryCollection([new KeyValuePair<string, string?>("OutOfDark:" + key, value)]);
        }

        builder.Services.AddOutOfDark(builder.Configuration.GetSection("OutOfDark"));
        return builder.Build();
    }

    [Theory]
    [InlineData("Rules:metric.stael:Days", "10", "Configuration section 'OutOfDark:Rules:metric.stael' names no registered warning rule; registered rules: ")]
    [InlineData("Rules:metric.stale:Days", "ten", "Configuration section 'OutOfDark:Rules:metric.stale' does not fit the settings of rule 'metric.stale'")]
    [InlineData("Rules:metric.stale:Days", "-5", "Configuration section 'OutOfDark:Rules:metric.stale' is out of range for rule 'metric.stale': Days is -5; it must be from 1 to 36600.")]
    [InlineData("Rules:funnel.drop-off:MaxDropPercent", "150", "Configuration section 'OutOfDark:Rules:funnel.drop-off' is out of range for rule 'funnel.drop-off': MaxDropPercent is 150; it must be from 0 to 100.")]
    [InlineData("TimeZone", "Mars/Olympus", "Configuration key 'OutOfDark:TimeZone' names time zone 'Mars/Olympus', which is not an IANA time zone id such as 'Europe/Berlin'.")]
    public async Task Bad_configuration_stops_the_host_at_start_naming_the_key(string key, string value, string message)
    {
        using var host = BuildHost((key, value));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Good_configuration_starts_the_host_with_the_settings_read()
    {
        using var host = BuildHost(("Rules:metric.stale:Days", "10"), ("TimeZone", "Europe/Berlin"));

        await host.StartAsync();
        try
        {
            var settings = host.Services.GetRequiredService<WarningSettings>();
            Assert.Equal(10, Assert.IsType<StaleMetricSettings>(settings.Find(StaleMetricRule.RuleId)).Days);
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
