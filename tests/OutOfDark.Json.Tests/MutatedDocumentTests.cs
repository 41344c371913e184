using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using OutOfDark.Testing;
using Xunit;

namespace OutOfDark.Json.Tests;

/// <summary>
/// Thousands of documents damaged from valid ones — bytes flipped, truncated, fields removed, types swapped — must
/// either read or be refused with <see cref="JourneyFormatException"/>, never anything else.
/// </summary>
public sealed class MutatedDocumentTests
{
    private const int DocumentMutations = 10_000;
    private const int StreamMutations = 2_000;
    private static readonly JourneyJsonSerializer Json = JourneyJsonSerializer.Default;

    private static List<byte[]> ValidDocuments(Func<Journey, byte[]> write)
    {
        var journeys = JourneyGenerators.Journeys(60).Sample(50, 24).ToList();
        journeys.Add(SampleJourneys.Store());
        return journeys.Select(write).ToList();
    }

    [Fact]
    public void Damaged_documents_only_ever_give_a_format_exception()
    {
        var outcome = Run(ValidDocuments(j => Json.SerializeDocument(j.ToSnapshot())), DocumentMutations, bytes => Json.DeserializeDocument(bytes));

        Assert.Equal(DocumentMutations, outcome.Read + outcome.Refused);
        Assert.True(outcome.Refused > DocumentMutations / 2, $"Only {outcome.Refused} of {DocumentMutations} damaged documents were refused.");
    }

    [Fact]
    public void Damaged_event_streams_only_ever_give_a_format_exception()
    {
        var outcome = Run(ValidDocuments(j => Json.SerializeEventStream(j.PendingEvents)), StreamMutations, bytes => Json.DeserializeEventStream(bytes));

        Assert.Equal(StreamMutations, outcome.Read + outcome.Refused);
        Assert.True(outcome.Refused > StreamMutations / 2, $"Only {outcome.Refused} of {StreamMutations} damaged streams were refused.");
    }

    private static (int Read, int Refused) Run(List<byte[]> valid, int count, Action<byte[]> read)
    {
        var random = new System.Random(42);
        int ok = 0, refused = 0;
        for (var i = 0; i < count; i++)
        {
            var original = valid[random.Next(valid.Count)];
            var damaged = Mutate(original, random);
            try
            {
                read(damaged);
                ok++;
            }
            catch (JourneyFormatException ex)
            {
                Assert.False(string.IsNullOrWhiteSpace(ex.Problem));
                Assert.StartsWith("$", ex.Path, StringComparison.Ordinal);
                Assert.DoesNotContain("The value cannot be read", ex.Message, StringComparison.Ordinal);
                refused++;
            }
            catch (Exception ex)
            {
                Assert.Fail($"Mutation {i} gave {ex.GetType().Name}: {ex.Message}{Environment.NewLine}{Encoding.UTF8.GetString(damaged)}{Environment.NewLine}{ex}");
            }
        }

        return (ok, refused);
    }

    private static byte[] Mutate(byte[] original, System.Random random)
    {
        switch (random.Next(6))
        {
            case 0:
                {
                    var bytes = (byte[])original.Clone();
                    for (var n = random.Next(1, 4); n > 0; n--)
                    {
                        bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                    }

                    return bytes;
                }

            case 1:
                {
                    var bytes = (byte[])original.Clone();
                    var at = random.Next(bytes.Length);
                    bytes[at] = (byte)"{}[]\",:0-e.\\ntfu"[random.Next(16)];
                    return bytes;
                }

            case 2:
                return original[..random.Next(original.Length)];
            default:
                {
                    var root = JsonNode.Parse(original)!;
                    var nodes = new List<JsonNode>();
                    Collect(root, nodes);
                    var target = nodes[random.Next(nodes.Count)];
                    if (random.Next(3) == 0 && target is JsonObject obj && obj.Count > 0)
                    {
                        obj.Remove(obj.ElementAt(random.Next(obj.Count)).Key);
                    }
                    else if (target.Parent is JsonObject parent)
                    {
                        parent[target.GetPropertyName()] = Swap(target, random);
                    }
                    else if (target.Parent is JsonArray array)
                    {
                        array[target.GetElementIndex()] = Swap(target, random);
                    }

                    return Encoding.UTF8.GetBytes(root.ToJsonString());
                }
        }
    }

    private static void Collect(JsonNode? node, List<JsonNode> nodes)
    {
        if (node is null)
        {
            return;
        }

        nodes.Add(node);
        if (node is JsonObject obj)
        {
            foreach (var (_, child) in obj)
            {
                Collect(child, nodes);
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array)
            {
                Collect(child, nodes);
            }
        }
    }

    private static JsonNode? Swap(JsonNode current, System.Random random) => random.Next(9) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(-3, 1000)),
        2 => JsonValue.Create("text"),
        3 => JsonValue.Create(true),
        4 => new JsonArray(),
        5 => new JsonObject(),
        6 => JsonValue.Create(Guid.NewGuid().ToString()),
        7 => JsonValue.Create(-1e300),
        _ => current.Parent is JsonArray ? current.DeepClone() : JsonValue.Create(""),
    };
}
