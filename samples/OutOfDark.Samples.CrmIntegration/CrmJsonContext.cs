using System.Text.Json.Serialization;

namespace OutOfDark.Samples.CrmIntegration;

/// <summary>
/// System.Text.Json metadata for the custom widget, so OutOfDark.Json can store it with the journey
/// (see <see cref="CrmStore"/>). Id and title travel in the widget's envelope; the rest is this widget's own.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, IgnoreReadOnlyProperties = true, Converters = [typeof(IsoDateConverter)])]
[JsonSerializable(typeof(CaseStatsWidget))]
internal sealed partial class CrmJsonContext : JsonSerializerContext;
