using System;
using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OutOfDark.Json;

namespace OutOfDark.Json;

/// <summary>A registered custom widget kind: reads and writes its own members through the integrator's type info.</summary>
internal abstract class CustomWidgetKind(string kind, Type type)
{
    public string Kind { get; } = kind;

    public Type Type { get; } = type;

    /// <summary>Writes the widget's members other than kind, id and title.</summary>
    public abstract void WriteMembers(Utf8JsonWriter writer, Widget widget);

    /// <summary>Reads the widget from its object (kind, id and title already checked).</summary>
    public abstract Widget Read(JsonElement element, WidgetId id, string title);

    public static bool IsEnvelope(string name) =>
        name.Equals("kind", StringComparison.OrdinalIgnoreCase) || name.Equals("id", StringComparison.OrdinalIgnoreCase) || name.Equals("title", StringComparison.OrdinalIgnoreCase);
}

internal sealed class CustomWidgetKind<TWidget>(string kind, JsonTypeInfo<TWidget> typeInfo) : CustomWidgetKind(kind, typeof(TWidget))
    where TWidget : Widget
{
    public override void WriteMembers(Utf8JsonWriter writer, Widget widget)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes((TWidget)widget, typeInfo);
        using var document = JsonDocument.Parse(bytes);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException($"The JSON type info of widget kind '{Kind}' must write an object; it wrote {document.RootElement.ValueKind}.");
        }

        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (!IsEnvelope(property.Name))
            {
                property.WriteTo(writer);
            }
        }
    }

    public override Widget Read(JsonElement element, WidgetId id, string title)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in element.EnumerateObject())
            {
                if (!IsEnvelope(property.Name))
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        TWidget? widget;
        try
        {
            widget = JsonSerializer.Deserialize(buffer.WrittenSpan, typeInfo);
        }
        catch (JsonException ex)
        {
            throw JsonPathException.Nest(ex, "");
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException or NotSupportedException or OverflowException or JourneyRuleException)
        {
            throw new JsonPathException($"The content of this '{Kind}' widget was refused: {ex.Message}", "");
        }

        return widget is null
            ? throw new JsonPathException($"The content of this '{Kind}' widget was read as null.", "")
            : widget with { Id = id, Title = title };
    }
}
