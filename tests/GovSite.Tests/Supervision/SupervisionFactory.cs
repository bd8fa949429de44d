using System.Net.Http.Json;
using System.Text.Json;
using GovSite.Accounts;
using GovSite.Data;
using GovSite.Sites;
using GovSite.Tests.Monitoring.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Supervision;

/// <summary>
/// GovSite with the demo region, a fake clock and the checker double (<see cref="MonitoringFactory"/>),
/// plus a city of its own (350200): one portal and ten department sites, and a supervisor of it.
/// </summary>
public class SupervisionFactory : MonitoringFactory
{
    public const string RegionCode = "350200";
    public const string PortalCode = "3502000100";
    public const string SupervisorName = "supervisor350200";
    public const string Password = "Supervise12345x";

    public Dictionary<string, Site> Sites { get; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Sites[PortalCode] = await CreateSiteAsync(PortalCode, "测试监管市人民政府", SiteType.Portal, "www.jg.test.gov.cn");
        for (var i = 1; i <= 10; i++)
        {
            var code = $"35020001{i:00}";
            Sites[code] = await CreateSiteAsync(code, $"测试监管市第{i}局", SiteType.Department, $"j{i}.jg.test.gov.cn");
        }
        var regionId = await AsSystemAsync(sp => sp.GetRequiredService<GovSiteDb>().Regions.Where(r => r.Code == RegionCode).Select(r => r.Id).FirstAsync());
        await CreateSupervisorAsync(SupervisorName, Password, regionId);
    }

    public static string UrlOf(Site site) => $"https://{site.Domains.First(d => d.IsMain).Host}/";

    public Task<HttpClient> SupervisorAsync() => ClientWithTokenAsync(SupervisorName, Password);

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object body) => client.PostAsJsonAsync(url, body);
}
