namespace GovSite.Demo;

public static class DemoRegion
{
    public static Task SeedIfEmptyAsync(IServiceProvider services, CancellationToken ct = default) => Task.CompletedTask;

    public static Task<bool> SeedAsync(IServiceProvider services, CancellationToken ct = default) => Task.FromResult(false);
}
