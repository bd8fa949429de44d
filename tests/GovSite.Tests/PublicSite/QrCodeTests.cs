using GovSite.PublicSite.Extras;

namespace GovSite.Tests.PublicSite;

/// <summary>The page's QR code: QRCoder's symbol, drawn by GovSite as SVG into the page.</summary>
public class QrCodeTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(60, 4)]
    [InlineData(150, 8)]
    [InlineData(200, 10)]
    public void The_smallest_version_that_holds_the_text_is_chosen(int length, int version)
    {
        var qr = QrCode.Encode(new string('a', length));
        qr.Version.ShouldBe(version);
        qr.Size.ShouldBe(version * 4 + 17);
        // Finder pattern corners are dark, the separators light.
        (qr[0, 0] && qr[qr.Size - 1, 0] && qr[0, qr.Size - 1]).ShouldBeTrue();
        (qr[7, 7] || qr[qr.Size - 8, 7] || qr[7, qr.Size - 8]).ShouldBeFalse();
    }

    [Fact]
    public void A_long_address_still_encodes()
    {
        var qr = QrCode.Encode("https://www.example.gov.cn/" + new string('a', 300));
        qr.Version.ShouldBeGreaterThan(10);
    }

    [Fact]
    public void The_svg_is_labelled_for_screen_readers()
    {
        var svg = QrCode.Encode("https://www.gov.cn/").ToSvg("本页二维码");
        svg.ShouldContain("role=\"img\"");
        svg.ShouldContain("aria-label=\"本页二维码\"");
    }

    [Fact]
    public void The_svg_path_covers_exactly_the_dark_modules()
    {
        var qr = QrCode.Encode("https://www.example.gov.cn/articles/123456");
        var svg = QrCode.Encode("https://www.example.gov.cn/articles/123456").ToSvg("本页二维码");
        var d = System.Text.RegularExpressions.Regex.Match(svg, "<path fill=\"#000\" d=\"([^\"]*)\"").Groups[1].Value;
        var drawn = new bool[qr.Size, qr.Size];
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(d, @"M(\d+),(\d+)h(\d+)v1h-(\d+)z"))
        {
            int x = int.Parse(m.Groups[1].Value) - 4, y = int.Parse(m.Groups[2].Value) - 4, run = int.Parse(m.Groups[3].Value);
            m.Groups[4].Value.ShouldBe(m.Groups[3].Value);
            for (var i = 0; i < run; i++)
            {
                drawn[x + i, y].ShouldBeFalse("drawn twice");
                drawn[x + i, y] = true;
            }
        }
        for (var y = 0; y < qr.Size; y++)
        {
            for (var x = 0; x < qr.Size; x++)
            {
                drawn[x, y].ShouldBe(qr[x, y], $"module {x},{y}");
            }
        }
    }
}
