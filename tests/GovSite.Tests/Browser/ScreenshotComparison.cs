using System.Globalization;
using Microsoft.Playwright;

namespace GovSite.Tests.Browser;

/// <summary>
/// Screenshots compared with reviewed references committed beside the tests (Browser/Screenshots/).
/// Both PNGs are decoded by Chromium itself (a canvas in a blank page), so no native image library is
/// needed. A pixel differs when one of its channels is off by more than <see cref="ChannelTolerance"/>;
/// the page fails when more than <see cref="ShareTolerance"/> of its pixels differ. A failure writes
/// the actual image and a diff (differing pixels red over a faded actual) into the test output.
/// GOVSITE_UPDATE_SCREENSHOTS=1 writes the actual image as the new reference instead.
/// </summary>
public static class ScreenshotComparison
{
    public const int ChannelTolerance = 24;
    public const double ShareTolerance = 0.001;

    public static bool Updating => Environment.GetEnvironmentVariable("GOVSITE_UPDATE_SCREENSHOTS") == "1";

    /// <summary>The references in the source tree (not the build output), so that updating them shows in git.</summary>
    public static string ReferenceDirectory { get; } = FindReferenceDirectory();

    public static string OutputDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public sealed record Outcome(bool Passed, double DifferingShare, string Message);

    /// <summary>The screenshot the comparison takes: the viewport, animations stopped, no caret, masks painted over.</summary>
    public static Task<byte[]> TakeAsync(IPage page, Screen screen) => page.ScreenshotAsync(new PageScreenshotOptions
    {
        Type = ScreenshotType.Png,
        FullPage = false,
        Animations = ScreenshotAnimations.Disabled,
        Caret = ScreenshotCaret.Hide,
        Scale = ScreenshotScale.Css,
        Mask = [.. screen.Masks.Select(m => page.Locator(m))],
        MaskColor = "#FF00FF",
    });

    public static async Task<Outcome> CompareAsync(IBrowser browser, string name, byte[] actual)
    {
        var reference = Path.Combine(ReferenceDirectory, name + ".png");
        if (Updating)
        {
            Directory.CreateDirectory(ReferenceDirectory);
            await File.WriteAllBytesAsync(reference, actual);
            return new Outcome(true, 0, $"{name}: reference written to {reference}");
        }
        Directory.CreateDirectory(OutputDirectory);
        var actualPath = Path.Combine(OutputDirectory, name + ".actual.png");
        if (!File.Exists(reference))
        {
            await File.WriteAllBytesAsync(actualPath, actual);
            return new Outcome(false, 1, $"{name}: no reference {reference}; review {actualPath} and create it with GOVSITE_UPDATE_SCREENSHOTS=1");
        }
        var expected = await File.ReadAllBytesAsync(reference);
        var diff = await DiffAsync(browser, expected, actual);
        var share = diff.Pixels == 0 ? 1 : (double)diff.Differing / diff.Pixels;
        if (!diff.SizeDiffers && share <= ShareTolerance)
        {
            return new Outcome(true, share, $"{name}: {Percent(share)} of pixels differ");
        }
        var diffPath = Path.Combine(OutputDirectory, name + ".diff.png");
        await File.WriteAllBytesAsync(actualPath, actual);
        await File.WriteAllBytesAsync(diffPath, Convert.FromBase64String(diff.DiffPng));
        return new Outcome(false, share,
            $"{name}: {Percent(share)} of pixels differ from the reference (tolerance {Percent(ShareTolerance)})"
            + (diff.SizeDiffers ? $", and its size is {diff.ActualSize} instead of {diff.ExpectedSize}" : "")
            + $"; actual {actualPath}, diff {diffPath}; if the change is intended, rerun with GOVSITE_UPDATE_SCREENSHOTS=1 and commit the reference");
    }

    private static string Percent(double share) => share.ToString("0.####%", CultureInfo.InvariantCulture);

    private sealed class Diff
    {
        public long Pixels { get; set; }
        public long Differing { get; set; }
        public bool SizeDiffers { get; set; }
        public string ExpectedSize { get; set; } = "";
        public string ActualSize { get; set; } = "";
        public string DiffPng { get; set; } = "";
    }

    private static async Task<Diff> DiffAsync(IBrowser browser, byte[] expected, byte[] actual)
    {
        var context = await browser.NewContextAsync();
        try
        {
            var page = await context.NewPageAsync();
            return await page.EvaluateAsync<Diff>("""
                async ([expected, actual, tolerance]) => {
                    const load = b64 => new Promise((resolve, reject) => {
                        const image = new Image();
                        image.onload = () => resolve(image);
                        image.onerror = () => reject(new Error('not a PNG'));
                        image.src = 'data:image/png;base64,' + b64;
                    });
                    const [e, a] = await Promise.all([load(expected), load(actual)]);
                    const w = Math.max(e.width, a.width), h = Math.max(e.height, a.height);
                    const pixels = image => {
                        const c = document.createElement('canvas');
                        c.width = w; c.height = h;
                        const g = c.getContext('2d', { willReadFrequently: true });
                        g.drawImage(image, 0, 0);
                        return g.getImageData(0, 0, w, h).data;
                    };
                    const pe = pixels(e), pa = pixels(a);
                    const canvas = document.createElement('canvas');
                    canvas.width = w; canvas.height = h;
                    const g = canvas.getContext('2d');
                    const out = g.createImageData(w, h);
                    let differing = 0;
                    for (let i = 0; i < pe.length; i += 4) {
                        const d = Math.max(Math.abs(pe[i] - pa[i]), Math.abs(pe[i + 1] - pa[i + 1]),
                            Math.abs(pe[i + 2] - pa[i + 2]), Math.abs(pe[i + 3] - pa[i + 3]));
                        if (d > tolerance) {
                            differing++;
                            out.data[i] = 255; out.data[i + 1] = 0; out.data[i + 2] = 0; out.data[i + 3] = 255;
                        } else {
                            const grey = 255 - Math.round((255 - (pa[i] + pa[i + 1] + pa[i + 2]) / 3) / 4);
                            out.data[i] = out.data[i + 1] = out.data[i + 2] = grey; out.data[i + 3] = 255;
                        }
                    }
                    g.putImageData(out, 0, 0);
                    return {
                        pixels: w * h,
                        differing,
                        sizeDiffers: e.width !== a.width || e.height !== a.height,
                        expectedSize: e.width + 'x' + e.height,
                        actualSize: a.width + 'x' + a.height,
                        diffPng: differing ? canvas.toDataURL('image/png').split(',')[1] : '',
                    };
                }
                """, new object[] { Convert.ToBase64String(expected), Convert.ToBase64String(actual), ChannelTolerance });
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    private static string FindReferenceDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GovSite.Tests.csproj")))
            {
                return Path.Combine(dir.FullName, "Browser", "Screenshots");
            }
        }
        throw new InvalidOperationException($"GovSite.Tests.csproj not found above {AppContext.BaseDirectory}");
    }
}
