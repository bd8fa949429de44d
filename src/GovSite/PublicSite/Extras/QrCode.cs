using System.Text;

namespace GovSite.PublicSite.Extras;

/// <summary>
/// A minimal QR code encoder (ISO/IEC 18004): byte mode, error correction level M, versions
/// 1–10 (up to 213 bytes, plenty for a page address), one fixed mask. Written here because the
/// package mirror has no QR library; it follows the structure of Project Nayuki's reference encoder.
/// </summary>
public sealed class QrCode
{
    private static readonly int[] EccPerBlock = [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26];
    private static readonly int[] Blocks = [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5];

    public int Version { get; }
    public int Size { get; }
    private readonly bool[,] _modules;
    private readonly bool[,] _isFunction;

    public bool this[int x, int y] => _modules[y, x];

    private QrCode(int version)
    {
        Version = version;
        Size = version * 4 + 17;
        _modules = new bool[Size, Size];
        _isFunction = new bool[Size, Size];
    }

    public static QrCode Encode(string text)
    {
        var data = Encoding.UTF8.GetBytes(text);
        var version = 1;
        for (; version <= 10; version++)
        {
            var countBits = version < 10 ? 8 : 16;
            if (4 + countBits + data.Length * 8 <= DataCodewords(version) * 8)
            {
                break;
            }
        }
        if (version > 10)
        {
            throw new ArgumentException("Text too long for a version 1–10 QR code", nameof(text));
        }
        // The bit stream straight into the codewords: mode, length, data, terminator, padding.
        var codewords = new byte[DataCodewords(version)];
        var capacity = codewords.Length * 8;
        var count = 0;
        void Append(int value, int length)
        {
            for (var i = length - 1; i >= 0; i--, count++)
            {
                codewords[count >> 3] |= (byte)(((value >> i) & 1) << (7 - (count & 7)));
            }
        }
        Append(0b0100, 4);
        Append(data.Length, version < 10 ? 8 : 16);
        foreach (var b in data)
        {
            Append(b, 8);
        }
        Append(0, Math.Min(4, capacity - count));
        Append(0, (8 - count % 8) % 8);
        for (var pad = 0xEC; count < capacity; pad ^= 0xEC ^ 0x11)
        {
            Append(pad, 8);
        }
        var qr = new QrCode(version);
        qr.DrawFunctionPatterns();
        qr.DrawCodewords(qr.AddEccAndInterleave(codewords));
        qr.ApplyMask();
        qr.DrawFormatBits();
        return qr;
    }

    /// <summary>
    /// An SVG with a 4-module quiet zone, one path for all dark modules: one rectangle per run of
    /// dark modules in a row (a third of the bytes and appends of one square per module; every
    /// article page carries one).
    /// </summary>
    public string ToSvg(string label)
    {
        var sb = new StringBuilder(4096);
        WriteSvg(sb, label);
        return sb.ToString();
    }

    /// <summary><see cref="ToSvg"/> appended to a page being written, without a string of its own.</summary>
    public void WriteSvg(StringBuilder sb, string label)
    {
        var full = Size + 8;
        sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").Append(full).Append(' ').Append(full)
            .Append("\" role=\"img\" aria-label=\"").Append(System.Net.WebUtility.HtmlEncode(label))
            .Append("\" shape-rendering=\"crispEdges\"><rect width=\"").Append(full).Append("\" height=\"").Append(full)
            .Append("\" fill=\"#fff\"/><path fill=\"#000\" d=\"");
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                if (!this[x, y])
                {
                    continue;
                }
                var run = 1;
                while (x + run < Size && this[x + run, y])
                {
                    run++;
                }
                sb.Append('M').Append(x + 4).Append(',').Append(y + 4).Append('h').Append(run).Append("v1h-").Append(run).Append('z');
                x += run;
            }
        }
        sb.Append("\"/></svg>");
    }

    private static int RawDataModules(int version)
    {
        var result = (16 * version + 128) * version + 64;
        if (version >= 2)
        {
            var align = version / 7 + 2;
            result -= (25 * align - 10) * align - 55;
            if (version >= 7)
            {
                result -= 36;
            }
        }
        return result;
    }

    private static int DataCodewords(int version) => RawDataModules(version) / 8 - EccPerBlock[version] * Blocks[version];

    private void Set(int x, int y, bool dark)
    {
        _modules[y, x] = dark;
        _isFunction[y, x] = true;
    }

    private void DrawFunctionPatterns()
    {
        for (var i = 0; i < Size; i++)
        {
            Set(6, i, i % 2 == 0);
            Set(i, 6, i % 2 == 0);
        }
        DrawFinder(3, 3);
        DrawFinder(Size - 4, 3);
        DrawFinder(3, Size - 4);
        var positions = AlignmentPositions();
        for (var i = 0; i < positions.Length; i++)
        {
            for (var j = 0; j < positions.Length; j++)
            {
                var corner = (i == 0 && j == 0) || (i == 0 && j == positions.Length - 1) || (i == positions.Length - 1 && j == 0);
                if (!corner)
                {
                    for (var dy = -2; dy <= 2; dy++)
                    {
                        for (var dx = -2; dx <= 2; dx++)
                        {
                            Set(positions[i] + dx, positions[j] + dy, Math.Max(Math.Abs(dx), Math.Abs(dy)) != 1);
                        }
                    }
                }
            }
        }
        DrawFormatBits(); // reserves the area; drawn for real after masking
        if (Version >= 7)
        {
            var rem = Version;
            for (var i = 0; i < 12; i++)
            {
                rem = (rem << 1) ^ ((rem >> 11) * 0x1F25);
            }
            var bits = Version << 12 | rem;
            for (var i = 0; i < 18; i++)
            {
                var bit = ((bits >> i) & 1) != 0;
                int a = Size - 11 + i % 3, b = i / 3;
                Set(a, b, bit);
                Set(b, a, bit);
            }
        }
    }

    private void DrawFinder(int cx, int cy)
    {
        for (var dy = -4; dy <= 4; dy++)
        {
            for (var dx = -4; dx <= 4; dx++)
            {
                int x = cx + dx, y = cy + dy;
                if (x >= 0 && x < Size && y >= 0 && y < Size)
                {
                    var dist = Math.Max(Math.Abs(dx), Math.Abs(dy));
                    Set(x, y, dist != 2 && dist != 4);
                }
            }
        }
    }

    private int[] AlignmentPositions()
    {
        if (Version == 1)
        {
            return [];
        }
        var count = Version / 7 + 2;
        var step = (Version * 4 + count * 2 + 1) / (count * 2 - 2) * 2;
        var result = new int[count];
        result[0] = 6;
        for (int i = count - 1, pos = Size - 7; i >= 1; i--, pos -= step)
        {
            result[i] = pos;
        }
        return result;
    }

    private void DrawFormatBits()
    {
        // Level M (format bits 00) with mask 0.
        const int data = 0 << 3 | 0;
        var rem = data;
        for (var i = 0; i < 10; i++)
        {
            rem = (rem << 1) ^ ((rem >> 9) * 0x537);
        }
        var bits = (data << 10 | rem) ^ 0x5412;
        bool Bit(int i) => ((bits >> i) & 1) != 0;
        for (var i = 0; i <= 5; i++)
        {
            Set(8, i, Bit(i));
        }
        Set(8, 7, Bit(6));
        Set(8, 8, Bit(7));
        Set(7, 8, Bit(8));
        for (var i = 9; i < 15; i++)
        {
            Set(14 - i, 8, Bit(i));
        }
        for (var i = 0; i < 8; i++)
        {
            Set(Size - 1 - i, 8, Bit(i));
        }
        for (var i = 8; i < 15; i++)
        {
            Set(8, Size - 15 + i, Bit(i));
        }
        Set(8, Size - 8, true);
    }

    private byte[] AddEccAndInterleave(byte[] data)
    {
        int blocks = Blocks[Version], ecc = EccPerBlock[Version];
        var raw = RawDataModules(Version) / 8;
        var shortBlocks = blocks - raw % blocks;
        var shortLength = raw / blocks;
        var divisor = RsDivisor(ecc);
        var all = new List<byte[]>();
        for (int i = 0, k = 0; i < blocks; i++)
        {
            var length = shortLength - ecc + (i < shortBlocks ? 0 : 1);
            var dat = data.AsSpan(k, length).ToArray();
            k += length;
            var block = new byte[shortLength + 1];
            dat.CopyTo(block, 0);
            RsRemainder(dat, divisor).CopyTo(block, block.Length - ecc);
            all.Add(block);
        }
        var result = new List<byte>(raw);
        for (var i = 0; i < all[0].Length; i++)
        {
            for (var j = 0; j < all.Count; j++)
            {
                if (i != shortLength - ecc || j >= shortBlocks)
                {
                    result.Add(all[j][i]);
                }
            }
        }
        return [.. result];
    }

    // GF(2^8) with the QR polynomial 0x11D, by log and antilog tables: every article page draws a
    // code, and the bitwise product was most of its time.
    private static readonly byte[] Exp = new byte[512];
    private static readonly byte[] Log = new byte[256];
    private static readonly byte[]?[] Divisors = new byte[32][];

    static QrCode()
    {
        var x = 1;
        for (var i = 0; i < 255; i++)
        {
            Exp[i] = (byte)x;
            Log[x] = (byte)i;
            x <<= 1;
            if (x >= 0x100)
            {
                x ^= 0x11D;
            }
        }
        for (var i = 255; i < Exp.Length; i++)
        {
            Exp[i] = Exp[i - 255];
        }
    }

    /// <summary>The generator polynomial of a degree, made once (versions 1–10 use five degrees).</summary>
    private static byte[] RsDivisor(int degree)
    {
        if (Divisors[degree] is { } known)
        {
            return known;
        }
        var result = new byte[degree];
        result[degree - 1] = 1;
        var root = 1;
        for (var i = 0; i < degree; i++)
        {
            for (var j = 0; j < result.Length; j++)
            {
                result[j] = Multiply(result[j], root);
                if (j + 1 < result.Length)
                {
                    result[j] ^= result[j + 1];
                }
            }
            root = Multiply(root, 0x02);
        }
        return Divisors[degree] = result;
    }

    private static byte[] RsRemainder(byte[] data, byte[] divisor)
    {
        var result = new byte[divisor.Length];
        foreach (var b in data)
        {
            var factor = (byte)(b ^ result[0]);
            Array.Copy(result, 1, result, 0, result.Length - 1);
            result[^1] = 0;
            if (factor == 0)
            {
                continue;
            }
            var logFactor = Log[factor];
            for (var i = 0; i < result.Length; i++)
            {
                if (divisor[i] != 0)
                {
                    result[i] ^= Exp[Log[divisor[i]] + logFactor];
                }
            }
        }
        return result;
    }

    internal static byte Multiply(int x, int y) => x == 0 || y == 0 ? (byte)0 : Exp[Log[x] + Log[y]];

    private void DrawCodewords(byte[] data)
    {
        var i = 0;
        for (var right = Size - 1; right >= 1; right -= 2)
        {
            if (right == 6)
            {
                right = 5;
            }
            for (var vert = 0; vert < Size; vert++)
            {
                for (var j = 0; j < 2; j++)
                {
                    var x = right - j;
                    var upward = ((right + 1) & 2) == 0;
                    var y = upward ? Size - 1 - vert : vert;
                    if (!_isFunction[y, x] && i < data.Length * 8)
                    {
                        _modules[y, x] = ((data[i >> 3] >> (7 - (i & 7))) & 1) != 0;
                        i++;
                    }
                }
            }
        }
    }

    private void ApplyMask()
    {
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                if (!_isFunction[y, x] && (x + y) % 2 == 0)
                {
                    _modules[y, x] = !_modules[y, x];
                }
            }
        }
    }
}
