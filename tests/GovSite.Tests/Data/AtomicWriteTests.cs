using System.Data.Common;
using GovSite.Accounts;
using GovSite.Data;
using GovSite.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.Data;

public class AtomicWriteTests(EmptyPlatformFactory app) : IClassFixture<EmptyPlatformFactory>
{
    /// <summary>Fails the Nth column insert, as a crash or a lost connection would part-way through.</summary>
    private sealed class FailOnColumnInsert(int failAt) : DbCommandInterceptor
    {
        private int _seen;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("INSERT INTO \"Columns\"", StringComparison.Ordinal) && ++_seen == failAt)
            {
                throw new InvalidOperationException("simulated failure mid-write");
            }
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    [Fact]
    public async Task A_site_registration_that_fails_part_way_leaves_no_site_no_domains_and_no_columns()
    {
        await app.CreateSiteAsync("3601000001", "已有网站");
        var access = new SiteAccess();
        access.BecomeSystem();
        var options = new DbContextOptionsBuilder<GovSiteDb>();
        DataSetup.Configure(options, app.Database.Options);
        options.AddInterceptors(new FailOnColumnInsert(failAt: 5));
        await using var db = new GovSiteDb(options.Options, access);
        var unit = await db.Organisations.Select(o => o.Id).FirstAsync();
        var changes = new SiteChanges(db, []);
        var service = new SiteService(db, access, changes, TimeProvider.System, new GovSite.Audit.AuditLog(db, access, TimeProvider.System));

        var failure = await Should.ThrowAsync<Exception>(() => service.CreateAsync(new SiteInput
        {
            Code = "3601000002",
            Name = "半途失败的网站",
            Type = SiteType.Department,
            Level = SiteLevel.City,
            RegionCode = "360100",
            HostUnitId = unit,
            Domains = ["half.test.gov.cn"],
        }));
        failure.ToString().ShouldContain("simulated failure mid-write");

        await using var check = app.Database.NewContext();
        (await check.Sites.AnyAsync(s => s.Code == "3601000002")).ShouldBeFalse();
        (await check.SiteDomains.AnyAsync(d => d.Host == "half.test.gov.cn")).ShouldBeFalse();
        var orphanColumns = await check.Columns.CountAsync(c => !check.Sites.Any(s => s.Id == c.SiteId));
        orphanColumns.ShouldBe(0);
        (await check.Sites.CountAsync()).ShouldBe(1);
    }
}
