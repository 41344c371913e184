using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OutOfDark.Json;

/// <summary>
/// A journey or phase KPI: a widget object of kind <c>metric</c>, read and written by the widget converter, refused
/// with its path when the document gives another kind.
/// </summary>
internal sealed class MetricWidgetConverter(WidgetConverter widgets) : JsonConverter<MetricWidget>
{
    public override bool HandleNull => false;

    public override MetricWidget Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        widgets.Read(ref reader, typeof(Widget), options) as MetricWidget
            ?? throw new JsonException("The journey and its phases hold metrics only: give this widget the kind \"metric\", or put it on an activity.");

    public override void Write(Utf8JsonWriter writer, MetricWidget value, JsonSerializerOptions options) =>
        widgets.Write(writer, value, options);
}
