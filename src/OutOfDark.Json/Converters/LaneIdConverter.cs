using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OutOfDark.Json;

/// <summary>A service-blueprint lane id as its key, for example <c>"backstage"</c>.</summary>
internal sealed class LaneIdConverter : JsonConverter<LaneId>
{
    public override LaneId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadLane(ref reader);

    public override void Write(Utf8JsonWriter writer, LaneId value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value ?? "");

    /// <summary>Reads a lane id, refusing text that is not one.</summary>
    public static LaneId ReadLane(ref Utf8JsonReader reader)
    {
        var text = Tokens.ReadString(ref reader, "A lane id");
        return LaneId.Problem(text) is { } problem ? throw new JsonException(problem) : new LaneId(text);
    }
}
