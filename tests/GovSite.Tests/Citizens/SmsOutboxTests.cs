using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using GovSite.Data;
using GovSite.Notifications;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Citizens;

/// <summary>An SMS gateway on loopback that records what it is sent, or refuses it.</summary>
public sealed class LoopbackSmsGateway : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public LoopbackSmsGateway()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}/sms/send";
    public List<(string Mobile, string Text, string? Authorization)> Received { get; } = [];
    public bool Refuse { get; set; }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream);
            var body = JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement;
            lock (Received)
            {
                if (!Refuse)
                {
                    Received.Add((body.GetProperty("mobile").GetString()!, body.GetProperty("text").GetString()!, context.Request.Headers["Authorization"]));
                }
            }
            context.Response.StatusCode = Refuse ? 503 : 200;
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}

/// <summary>The citizens platform with the operator's SMS gateway configured (a loopback double).</summary>
public sealed class SmsFactory : CitizensFactoryBase
{
    public LoopbackSmsGateway Gateway { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Sms:GatewayUrl", Gateway.Url);
        builder.UseSetting("Sms:ApiKey", "test-key");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Gateway.Dispose();
    }
}

public class SmsOutboxTests(SmsFactory app) : IClassFixture<SmsFactory>
{
    [Fact]
    public async Task A_one_time_code_goes_out_through_the_configured_gateway_once_and_a_refusal_is_kept_and_retried()
    {
        using var session = BackOfficeSession.Anonymous(app);
        var mobile = CitizensFactory.NextMobile();
        (await app.RegisterAsync(session, mobile, "短信测试")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var drain = app.Services.GetRequiredService<OutboxDrain>();
        // Two passes at once stand for two nodes: the lease lets one send it.
        var sent = await Task.WhenAll(drain.RunOnceAsync(default), drain.RunOnceAsync(default));
        sent.Sum().ShouldBe(1);
        var received = app.Gateway.Received.Single(r => r.Mobile == mobile);
        received.Text.ShouldContain("验证码");
        received.Authorization.ShouldBe("Bearer test-key");
        (await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().OutboxMessages.SingleAsync(m => m.Recipient == mobile))).Status.ShouldBe(OutboxStatus.Sent);

        app.Gateway.Refuse = true;
        try
        {
            var other = CitizensFactory.NextMobile();
            using var second = BackOfficeSession.Anonymous(app);
            var page = await second.OpenAsync(CitizensFactory.Account("/signin"));
            await CitizensFactory.PostToAsync(second, page.Form("form.account-form"), CitizensFactory.Account("/signin?handler=Code"), new() { ["Mobile"] = other });
            (await drain.RunOnceAsync(default)).ShouldBe(0);
            var row = await app.AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().OutboxMessages.SingleAsync(m => m.Recipient == other));
            row.Status.ShouldBe(OutboxStatus.Pending);
            row.Attempts.ShouldBe(1);
            row.LastError!.ShouldContain("503");
        }
        finally
        {
            app.Gateway.Refuse = false;
        }
    }
}
