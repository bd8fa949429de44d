using System.Net.Http.Json;
using Microsoft.Extensions.Options;

namespace GovSite.Notifications;

/// <summary>
/// SMS gateway settings (section <c>Sms</c>, e.g. <c>Sms__GatewayUrl</c>). The operator points it
/// at the region's SMS platform or a relay; with no address no SMS is sent and the messages wait
/// in the outbox (listed at /admin/outbox).
/// </summary>
public sealed class SmsOptions
{
    /// <summary>An HTTP(S) address that accepts <c>POST {"mobile": "…", "text": "…"}</c> and answers 2xx when it took the message.</summary>
    public string? GatewayUrl { get; set; }

    /// <summary>Sent as <c>Authorization: Bearer …</c> when set.</summary>
    public string? ApiKey { get; set; }
}

/// <summary>SMS through the operator's gateway: one JSON POST per message; anything but 2xx is a failure the drain retries.</summary>
public sealed class SmsSender(IOptions<SmsOptions> options, IHttpClientFactory http) : IOutboxSender
{
    public const string HttpClientName = "sms-gateway";

    public OutboxChannel Channel => OutboxChannel.Sms;

    public bool IsConfigured => Uri.TryCreate(options.Value.GatewayUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Value.GatewayUrl)
        {
            Content = JsonContent.Create(new { mobile = message.Recipient, text = message.Body }),
        };
        if (!string.IsNullOrEmpty(options.Value.ApiKey))
        {
            request.Headers.Authorization = new("Bearer", options.Value.ApiKey);
        }
        using var response = await http.CreateClient(HttpClientName).SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"短信网关返回 {(int)response.StatusCode} {response.ReasonPhrase}");
        }
    }
}
