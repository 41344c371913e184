using System;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using OutOfDark.Samples.Web.Hosting;

namespace OutOfDark.Samples.Web.Warnings;

/// <summary>Where and how the web sample posts warning changes (<c>OutOfDark:Webhook</c>).</summary>
internal sealed record WebhookOptions
{
    /// <summary>The receiver's absolute http(s) URL; no webhook when absent.</summary>
    public Uri? Url { get; init; }

    /// <summary>The feed subscriber's name: its cursor, kept across restarts. <c>webhook</c> by default.</summary>
    public string Subscriber { get; init; } = "webhook";

    /// <summary>Retries of one change after the first attempt, 0 to 20; 5 by default.</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>The wait before the first retry, doubled for each later one (with jitter); 500 ms by default.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long one attempt may take; 10 seconds by default.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    public static WebhookOptions Read(IConfiguration section)
    {
        var options = new WebhookOptions();
        if (section["Url"] is { Length: > 0 } url)
        {
            options = options with
            {
                Url = Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri
                    : throw new StartupException($"Configuration key 'OutOfDark:Webhook:Url' must be an absolute http or https URL such as https://crm.example/hooks/outofdark; got '{url}'."),
            };
        }

        if (section["Subscriber"] is { Length: > 0 } name)
        {
            // Checked here, as the feed would: a bad name found by the dispatcher fails every delivery instead of the start.
            options = options with
            {
                Subscriber = IsSubscriberName(name) ? name
                    : throw new StartupException($"Configuration key 'OutOfDark:Webhook:Subscriber' must be 1 to 200 printable characters and not blank (it names the webhook's feed cursor); got '{name}'."),
            };
        }

        if (section["MaxRetries"] is { Length: > 0 } retries)
        {
            options = options with
            {
                MaxRetries = int.TryParse(retries, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 20 ? n
                    : throw new StartupException($"Configuration key 'OutOfDark:Webhook:MaxRetries' must be a whole number from 0 to 20; got '{retries}'."),
            };
        }

        options = options with
        {
            FirstRetryDelay = Milliseconds(section, "FirstRetryDelayMs", options.FirstRetryDelay),
            Timeout = Milliseconds(section, "TimeoutMs", options.Timeout),
        };
        return options;
    }

    private static bool IsSubscriberName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsControl(name[i]))
            {
                return false;
            }

            if (char.IsHighSurrogate(name[i]) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(name[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static TimeSpan Milliseconds(IConfiguration section, string key, TimeSpan fallback) =>
        section[key] is not { Length: > 0 } text ? fallback
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms is >= 1 and <= 600_000 ? TimeSpan.FromMilliseconds(ms)
        : throw new StartupException($"Configuration key 'OutOfDark:Webhook:{key}' must be a whole number of milliseconds from 1 to 600000; got '{text}'.");
}
