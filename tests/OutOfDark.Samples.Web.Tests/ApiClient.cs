using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using OutOfDark.Samples.OnlineStore;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>Small helpers over the sample's JSON API.</summary>
internal static class ApiClient
{
    public static readonly string JourneyPath = "/api/journeys/" + OnlineStoreJourney.Id;

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<(JsonElement Body, string ETag)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return (await response.JsonAsync(), response.Headers.ETag?.Tag ?? "");
    }

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object body, string? ifMatch)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request);
    }

    public static async Task<string> ETagAsync(HttpClient client) => (await GetAsync(client, JourneyPath)).ETag;
}
