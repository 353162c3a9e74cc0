using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Hotline.Telephony.Asterisk;

namespace Hotline.Telephony.Ari;

/// <summary>
/// The few ARI (Asterisk REST Interface) calls the product makes on one node: the health check
/// (<c>GET /asterisk/info</c>) and the stored recordings (<c>/recordings/stored/{name}</c>, the files under
/// Asterisk's recording directory). <see cref="AriEndpointOptions.BaseUrl"/> ends in <c>/ari</c>.
/// </summary>
public sealed class AriClient : IDisposable
{
    private readonly HttpClient _http;

    public AriClient(string node, AriEndpointOptions options, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Node = node;
        var baseUrl = options.BaseUrl.TrimEnd('/') + "/";
        _http = handler is null ? new HttpClient() : new HttpClient(handler);
        _http.BaseAddress = new Uri(baseUrl, UriKind.Absolute);
        _http.Timeout = TimeSpan.FromSeconds(10);
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.User}:{options.Password}")));
    }

    public string Node { get; }

    /// <summary>The Asterisk version the node reports; throws <see cref="HttpRequestException"/> when ARI does not answer 200.</summary>
    public async Task<string> GetVersionAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _http.GetAsync("asterisk/info", cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
        return json.RootElement.TryGetProperty("system", out var system) && system.TryGetProperty("version", out var version)
            ? version.GetString() ?? "" : "";
    }

    /// <summary>The whole stored recording file (ARI sends no ranges), or null when the node has no such recording.</summary>
    public async Task<byte[]?> GetStoredRecordingAsync(string fileName, CancellationToken cancellationToken = default)
    {
        using var response = await _http.GetAsync($"recordings/stored/{StoredName(fileName)}/file", cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a stored recording; true when it is gone (deleted now, or was not there).</summary>
    public async Task<bool> DeleteStoredRecordingAsync(string fileName, CancellationToken cancellationToken = default)
    {
        using var response = await _http.DeleteAsync($"recordings/stored/{StoredName(fileName)}", cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound) return true;
        response.EnsureSuccessStatusCode();
        return true;
    }

    /// <summary>ARI names stored recordings without the format extension: <c>1795816983.0.wav</c> → <c>1795816983.0</c>.</summary>
    public static string StoredName(string fileName) => Uri.EscapeDataString(Path.GetFileNameWithoutExtension(fileName));

    public void Dispose() => _http.Dispose();
}
