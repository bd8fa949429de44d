using GovSite.PublicSite.Extras;

namespace GovSite.Tests.PublicSite;

public class QrCodeTests
{
    // Checked once by decoding with the jsQR library: it reads back "https://www.gov.cn/".
    private const string GovCn =
        "1111111000101111001111111|1000001010011011101000001|1011101001111011101011101|1011101001000001001011101|" +
        "1011101010010111001011101|1000001001001011001000001|1111111010101010101111111|0000000000101110100000000|" +
        "1010101001000011100010010|0110110011100000001000001|0111001000001100111100111|1110100000010000101000010|" +
        "0001001001111000011101011|0011010111111100101001001|1001111000011010011100111|0100000111001110101010010|" +
        "1010111110010011111111000|0000000010110011100011011|1111111001000101101011011|1000001000110000100011001|" +
        "1011101011001000111111001|1011101000111100110111100|1011101010111011100010001|1000001001001111101011010|" +
        "1111111011010011100100011";

    private static string Matrix(QrCode qr) => string.Join('|', Enumerable.Range(0, qr.Size)
        .Select(y => string.Concat(Enumerable.Range(0, qr.Size).Select(x => qr[x, y] ? '1' : '0'))));

    [Fact]
    public void A_short_address_encodes_to_the_known_symbol()
    {
        var qr = QrCode.Encode("https://www.gov.cn/");
        qr.Version.ShouldBe(2);
        Matrix(qr).ShouldBe(GovCn);
    }

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
    public void Text_beyond_version_10_is_refused()
    {
        Should.Throw<ArgumentException>(() => QrCode.Encode(new string('a', 300)));
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
    [Fact]
    public void The_field_product_from_tables_is_the_bitwise_product_for_every_pair()
    {
        // The reference: shift-and-add with reduction by x^8 + x^4 + x^3 + x^2 + 1 (0x11D).
        static int Bitwise(int x, int y)
        {
            var z = 0;
            for (var i = 7; i >= 0; i--)
            {
                z = (z << 1) ^ ((z >> 7) * 0x11D);
                z ^= ((y >> i) & 1) * x;
            }
            return z;
        }
        for (var x = 0; x < 256; x++)
        {
            for (var y = 0; y < 256; y++)
            {
                if (QrCode.Multiply(x, y) != Bitwise(x, y))
                {
                    Assert.Fail($"{x} × {y}: {QrCode.Multiply(x, y)}, expected {Bitwise(x, y)}");
                }
            }
        }
    }
}
