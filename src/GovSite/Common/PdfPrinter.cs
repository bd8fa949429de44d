using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace GovSite.Common;

/// <summary>Where the printer finds Chromium (section "Pdf").</summary>
public sealed class PdfOptions
{
    /// <summary>Debian's Chromium (<c>apt-get install chromium</c>); GovSite never downloads a browser.</summary>
    public string Chromium { get; set; } = "/usr/bin/chromium";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Printers running at once (each is a browser process).</summary>
    public int Concurrency { get; set; } = 2;
}

/// <summary>Chromium is not installed, or it failed: the caller answers 503 with a Chinese message.</summary>
public sealed class PdfUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Prints a self-contained HTML page to PDF with the operating system's headless Chromium
/// (<c>--print-to-pdf</c>): the page and the PDF are the same layout, and Chinese text is drawn with
/// the machine's CJK fonts (Debian: fonts-noto-cjk). The page may not load anything: Chromium runs
/// with networking features off and every host name resolving nowhere, in a throw-away profile.
/// </summary>
public sealed class PdfPrinter(IOptions<PdfOptions> options, ILogger<PdfPrinter> log)
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.Value.Concurrency));

    public bool IsAvailable => File.Exists(options.Value.Chromium);

    public async Task<byte[]> PrintAsync(string html, CancellationToken ct)
    {
        var o = options.Value;
        if (!IsAvailable)
        {
            throw new PdfUnavailableException($"服务器未安装 Chromium（{o.Chromium}），暂不能生成 PDF；请管理员执行 apt-get install chromium fonts-noto-cjk");
        }
        var dir = Directory.CreateTempSubdirectory("govsite-pdf-");
        await _slots.WaitAsync(ct);
        try
        {
            var page = Path.Combine(dir.FullName, "page.html");
            var pdf = Path.Combine(dir.FullName, "page.pdf");
            await File.WriteAllTextAsync(page, html, ct);
            var start = new ProcessStartInfo(o.Chromium)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var arg in (string[])
                [
                    "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--no-first-run", "--disable-sync",
                    "--disable-background-networking", "--disable-component-update", "--disable-default-apps", "--disable-extensions",
                    "--host-resolver-rules=MAP * ~NOTFOUND", $"--user-data-dir={Path.Combine(dir.FullName, "profile")}",
                    $"--print-to-pdf={pdf}", new Uri(page).AbsoluteUri,
                ])
            {
                start.ArgumentList.Add(arg);
            }
            using var process = Process.Start(start) ?? throw new PdfUnavailableException("无法启动 Chromium");
            var stderr = process.StandardError.ReadToEndAsync(ct);
            _ = process.StandardOutput.ReadToEndAsync(ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(o.Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw ct.IsCancellationRequested ? new OperationCanceledException(ct) : new PdfUnavailableException("生成 PDF 超时，请稍后重试");
            }
            if (process.ExitCode != 0 || !File.Exists(pdf))
            {
                log.LogWarning("Chromium exited with {Code}: {Error}", process.ExitCode, await stderr);
                throw new PdfUnavailableException("生成 PDF 失败，请稍后重试");
            }
            return await File.ReadAllBytesAsync(pdf, ct);
        }
        finally
        {
            _slots.Release();
            try
            {
                dir.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still hold its profile for a moment; the temp folder is cleaned by the OS.
            }
        }
    }
}
