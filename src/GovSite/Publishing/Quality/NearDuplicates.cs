using System.Buffers.Binary;
using GovSite.Common;
using GovSite.Data;
using GovSite.Search;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Publishing.Quality;

/// <summary>
/// Finds "孪生报道": an item that is another one with names and dates changed. Each indexed item
/// keeps a MinHash signature of its normalised text (digits, spaces and punctuation dropped, so a
/// changed date changes nothing; a changed name only the few shingles around it) and sixteen
/// LSH band hashes in an indexed table. A lookup reads the rows sharing a band hash — a handful
/// among a million items — and estimates similarity from the signatures; no text is compared.
/// With 16 bands of 4 values, a pair at 70% similarity is found with probability 0.99, at 50%
/// with 0.65, and unrelated texts (under 10%) almost never meet.
/// </summary>
public sealed class NearDuplicates(GovSiteDb db)
{
    public const int ShingleLength = 5;
    public const int Hashes = 64;
    public const int Bands = 16;
    public const int Rows = Hashes / Bands;

    /// <summary>Below this many normalised characters a text is too short to call anything its twin.</summary>
    public const int MinTextLength = 60;

    /// <summary>How far back a near-duplicate counts (the issue: the last year).</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(365);

    /// <summary>Candidates beyond this are not weighed: boilerplate shared by hundreds of items says nothing.</summary>
    private const int MaxCandidates = 500;

    private static readonly ulong[] Multipliers = new ulong[Hashes];
    private static readonly ulong[] Addends = new ulong[Hashes];

#pragma warning disable CA1810 // The permutation constants are derived in a loop; an initialiser per array would repeat it.
    static NearDuplicates()
#pragma warning restore CA1810
    {
        // Fixed seeds: signatures stored today must compare with signatures computed next year.
        var state = 0x9E3779B97F4A7C15UL;
        for (var i = 0; i < Hashes; i++)
        {
            Multipliers[i] = SplitMix(ref state) | 1;
            Addends[i] = SplitMix(ref state);
        }
    }

    /// <summary>
    /// Adds or replaces an item in the index. Call it when an item is published or its published
    /// text changes; drafts stay out, so no site sees the title of another site's unpublished work.
    /// </summary>
    public async Task IndexAsync(int itemId, int siteId, DateTime dateUtc, string title, string plainText, CancellationToken ct = default)
    {
        await RemoveAsync(itemId, ct);
        if (Sketch(plainText) is not { } sketch)
        {
            return;
        }
        var entry = new NearDuplicateEntry
        {
            ItemId = itemId,
            SiteId = siteId,
            Title = title.Length > 500 ? title[..500] : title,
            DateUtc = dateUtc.Kind == DateTimeKind.Utc ? dateUtc : dateUtc.ToUniversalTime(),
            Signature = sketch.SignatureBytes(),
        };
        var bands = sketch.BandHashes.Distinct().Select(hash => new NearDuplicateBand { Hash = hash, ItemId = itemId }).ToList();
        db.NearDuplicateEntries.Add(entry);
        db.NearDuplicateBands.AddRange(bands);
        await db.SaveChangesAsync(ct);
        // Let go of just what was written here: the caller's context may still be tracking its own entities.
        db.Entry(entry).State = EntityState.Detached;
        bands.ForEach(b => db.Entry(b).State = EntityState.Detached);
    }

    public async Task RemoveAsync(int itemId, CancellationToken ct = default)
    {
        await db.NearDuplicateBands.Where(b => b.ItemId == itemId).ExecuteDeleteAsync(ct);
        await db.NearDuplicateEntries.Where(e => e.ItemId == itemId).ExecuteDeleteAsync(ct);
    }

    /// <summary>Indexed items dated within the window before <paramref name="now"/>, most similar first.</summary>
    public async Task<List<NearDuplicateMatch>> FindAsync(string plainText, int minPercent, DateTime now, int? excludeItemId = null,
        int max = 5, CancellationToken ct = default)
    {
        if (Sketch(plainText) is not { } sketch)
        {
            return [];
        }
        var hashes = sketch.BandHashes.Distinct().ToArray();
        var since = now - Window;
        var self = excludeItemId ?? 0;
        // One round trip: the band index finds the candidates, their entries come back with them.
        var candidates = db.NearDuplicateBands.Where(b => hashes.Contains(b.Hash)).Select(b => b.ItemId);
        var entries = await db.NearDuplicateEntries.AsNoTracking()
            .Where(e => candidates.Contains(e.ItemId) && e.DateUtc >= since && e.ItemId != self)
            .Take(MaxCandidates)
            .Select(e => new { e.ItemId, e.SiteId, e.Title, e.DateUtc, e.Signature })
            .ToListAsync(ct);
        return [.. entries
            .Select(e => new NearDuplicateMatch(e.ItemId, e.SiteId, e.Title, e.DateUtc, sketch.Similarity(e.Signature)))
            .Where(m => m.Percent >= minPercent)
            .OrderByDescending(m => m.Percent).ThenByDescending(m => m.DateUtc)
            .Take(max)];
    }

    /// <summary>Letters and ideographs only, folded: what two twins still share.</summary>
    public static string Normalise(string text)
    {
        var chars = new char[text.Length];
        var n = 0;
        foreach (var raw in text)
        {
            var c = ChineseText.FoldChar(raw);
            if (ChineseText.IsHan(c) || c is >= 'a' and <= 'z')
            {
                chars[n++] = c;
            }
        }
        return new string(chars, 0, n);
    }

    /// <summary>The signature and band hashes of a text, or null when it is too short to compare.</summary>
    public static MinHashSketch? Sketch(string plainText)
    {
        var text = Normalise(plainText);
        if (text.Length < MinTextLength)
        {
            return null;
        }
        var shingles = new HashSet<ulong>(text.Length);
        for (var i = 0; i + ShingleLength <= text.Length; i++)
        {
            var h = 0xCBF29CE484222325UL;
            for (var k = 0; k < ShingleLength; k++)
            {
                h = (h ^ text[i + k]) * 0x100000001B3UL;
            }
            shingles.Add(Mix(h));
        }
        var signature = new uint[Hashes];
        Array.Fill(signature, uint.MaxValue);
        foreach (var x in shingles)
        {
            for (var j = 0; j < Hashes; j++)
            {
                var v = (uint)((x * Multipliers[j] + Addends[j]) >> 32);
                if (v < signature[j])
                {
                    signature[j] = v;
                }
            }
        }
        var bands = new long[Bands];
        for (var b = 0; b < Bands; b++)
        {
            var h = (ulong)(b + 1) * 0x9E3779B97F4A7C15UL;
            for (var r = 0; r < Rows; r++)
            {
                h = Mix(h ^ signature[b * Rows + r]);
            }
            bands[b] = (long)h;
        }
        return new MinHashSketch(signature, bands);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong SplitMix(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }
}

public sealed record MinHashSketch(uint[] Signature, long[] BandHashes)
{
    public byte[] SignatureBytes()
    {
        var bytes = new byte[Signature.Length * 4];
        for (var i = 0; i < Signature.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), Signature[i]);
        }
        return bytes;
    }

    /// <summary>Share of equal MinHash values: an estimate of the Jaccard similarity of the shingle sets, in percent.</summary>
    public int Similarity(byte[] other)
    {
        if (other.Length != Signature.Length * 4)
        {
            return 0;
        }
        var same = 0;
        for (var i = 0; i < Signature.Length; i++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(other.AsSpan(i * 4)) == Signature[i])
            {
                same++;
            }
        }
        return (int)Math.Round(100.0 * same / Signature.Length);
    }
}

public sealed record NearDuplicateMatch(int ItemId, int SiteId, string Title, DateTime DateUtc, int Percent);
