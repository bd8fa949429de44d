using System.Diagnostics;

namespace GovSite.AnnualReports;

public sealed class PdfOptions
{
    /// <summary>The Chromium that prints reports (GOVSITE_CHROMIUM; Debian's package by default).</summary>
    public string Chromium { get; set; } = "/usr/bin/chromium";
}

/// <summary>
/// Prints a report page to PDF with headless Chromium, from a file in a temporary directory: the
/// document has no scripts or external resources, and the browser is started with networking
/// pointed nowhere, so printing contacts nothing.
/// </summary>
public sealed class AnnualReportPdf(Microsoft.Extensions.Options.IOptions<PdfOptions> options, ILogger<AnnualReportPdf> logger)
{
    private static readonly SemaphoreSlim OneAtATime = new(2, 2);

    public async Task<byte[]?> PrintAsync(string html, CancellationToken ct)
    {
        if (!File.Exists(options.Value.Chromium))
        {
            logger.LogWarning("Chromium not found at {Path}: PDF reports are unavailable", options.Value.Chromium);
            return null;
        }
        var dir = Directory.CreateTempSubdirectory("govsite-pdf-");
        await OneAtATime.WaitAsync(ct);
        try
        {
            var input = Path.Combine(dir.FullName, "report.html");
            var output = Path.Combine(dir.FullName, "report.pdf");
            await File.WriteAllTextAsync(input, html, ct);
            var start = new ProcessStartInfo(options.Value.Chromium)
            {
                RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
            };
            foreach (var arg in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions", "--disable-dev-shm-usage",
                "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>", $"--user-data-dir={Path.Combine(dir.FullName, "profile")}",
                "--no-pdf-header-footer", $"--print-to-pdf={output}", new Uri(input).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(arg);
            }
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync(ct);
            _ = process.StandardOutput.ReadToEndAsync(ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
            if (!File.Exists(output))
            {
                logger.LogError("Chromium printed no PDF: {Error}", await stderr);
                return null;
            }
            return await File.ReadAllBytesAsync(output, ct);
        }
        finally
        {
            OneAtATime.Release();
            try
            {
                dir.Delete(recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
