using System;
using Microsoft.Extensions.Options;
using OutOfDark.Warnings;

namespace OutOfDark.Extensions.DependencyInjection;

/// <summary>
/// A placeholder options type whose validation reads OutOfDark's configuration, so that <c>ValidateOnStart</c> stops a
/// host at start when the configuration is wrong instead of at the first use of the warning service.
/// </summary>
internal sealed class ConfigurationCheck
{
    /// <summary>
    /// Resolves the rule settings and the engine options. A configuration error propagates as the
    /// <see cref="InvalidOperationException"/> naming the key that reading them throws, the same exception a host
    /// without start-up validation would get at first use.
    /// </summary>
    internal sealed class Validator(IServiceProvider services) : IValidateOptions<ConfigurationCheck>
    {
        public ValidateOptionsResult Validate(string? name, ConfigurationCheck options)
        {
            _ = services.GetService(typeof(WarningSettings));
            _ = services.GetService(typeof(WarningEngineOptions));
            return ValidateOptionsResult.Success;
        }
    }
}
