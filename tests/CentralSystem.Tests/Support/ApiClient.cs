using System.Text;

namespace CentralSystem.Tests.Support;

/// <summary>Requests to the Central System's HTTP API as a script sends them, with the answer parsed.</summary>
public sealed class ApiClient(HttpClient http)
{
    public async Task<ApiAnswer> SendAsync(HttpMethod method, string path, string? body = null, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            // As curl -d sends it: the API does not insist on a content type.
            request.Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded");
        }

        configure?.Invoke(request);
        using var response = await http.SendAsync(request).Bounded();
        var text = await response.Content.ReadAsStringAsync().Bounded();
        var sequence = response.Headers.TryGetValues("Ocpp-Sequence", out var values) ? long.Parse(values.Single(), System.Globalization.CultureInfo.InvariantCulture) : (long?)null;
        return new ApiAnswer(response.StatusCode, text, sequence);
    }

    public Task<ApiAnswer> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<ApiAnswer> PostAsync(string path, string? body = null) => SendAsync(HttpMethod.Post, path, body);

    public Task<ApiAnswer> PutAsync(string path, string body) => SendAsync(HttpMethod.Put, path, body);
}
