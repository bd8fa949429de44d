using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GovSite.Data;

/// <summary>
/// Per-connection SQLite settings: reads of the search index (posting lists of common bigrams run
/// to megabytes) come straight from the memory-mapped file instead of being copied page by page
/// into a 2 MB page cache per pooled connection.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA mmap_size = 1073741824; PRAGMA cache_size = -16000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
