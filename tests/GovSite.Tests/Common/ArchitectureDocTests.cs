using System.Text.RegularExpressions;

namespace GovSite.Tests.Common;

/// <summary>docs/architecture.md stays true: every folder and file it names exists in src/GovSite.</summary>
public sealed partial class ArchitectureDocTests
{
    [Fact]
    public void Every_folder_and_file_named_in_the_architecture_document_exists()
    {
        var root = TestPaths.RepositoryRoot();
        var text = File.ReadAllText(Path.Combine(root, "docs", "architecture.md"));
        var source = Path.Combine(root, "src", "GovSite");
        var named = Named().Matches(text).Select(m => m.Groups[1].Value)
            // `Feature/…` is the pattern's placeholder, not a folder.
            .Where(p => !p.StartsWith("Feature", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal).ToList();
        named.Count.ShouldBeGreaterThan(10);
        var missing = named.Where(p =>
        {
            var path = Path.Combine(source, p.TrimEnd('/'));
            return !Directory.Exists(path) && !File.Exists(path) && !File.Exists(path + ".cs");
        }).ToList();
        missing.ShouldBeEmpty("docs/architecture.md names what src/GovSite does not have");
    }

    // `Data/JobQueue.cs`, `Publishing/Library`, `Interaction/` — a backticked path relative to src/GovSite.
    [GeneratedRegex(@"`([A-Z][A-Za-z]*/(?:[A-Za-z_][A-Za-z0-9_.]*/?)*)`")]
    private static partial Regex Named();
}
