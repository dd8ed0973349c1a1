using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using ProgramTracker.Api.Hosting;

namespace ProgramTracker.Api.Audit;

/// <summary>One event row as PostgreSQL renders it: every column as text, exactly as stored.</summary>
public sealed record EventRow(
    long Sequence,
    string Id,
    string StreamId,
    long Version,
    string Type,
    string Timestamp,
    string? TenantId,
    string? DotNetType,
    bool IsArchived,
    string? Headers,
    string? UserName,
    string? CorrelationId,
    string? CausationId,
    string Data)
{
    public bool IsTombstone => Type == "tombstone";
}

/// <summary>What the chain stored about one event when it chained it.</summary>
public sealed record ChainLink(long Sequence, string StreamId, long Version, string Type, string Timestamp,
    string DataHash, string MetadataHash, string PreviousHash, string Hash);

/// <summary>
/// The tamper-evident chain: each event's link is SHA-256 over the previous link's hash and the event's full row
/// (ids, stream, version, type, timestamp, tenant, headers, user, correlation and causation ids, archived flag and
/// the data as PostgreSQL renders the jsonb). One writer extends it in sequence order (<see cref="AuditChainSubscription"/>);
/// the table refuses updates and deletes like the event table does.
/// </summary>
public static class AuditChain
{
    public const string Table = "audit_chain";
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";
    private const string Version = "programtracker-audit-v1";

    // Any process that extends the chain holds this lock for its transaction, so two writers never fork it.
    private const long WriterLock = 0x61756469745f6368;

    public static string QualifiedTable => $"{MartenSetup.Schema}.{Table}";

    public static string EventColumns(string alias) =>
        $"{alias}.seq_id, {alias}.id::text, {alias}.stream_id::text, {alias}.version, {alias}.type, " +
        // to_char gives null for an infinite timestamp (Npgsql stores .NET's minimum, which Marten's tombstones carry,
        // as -infinity); PostgreSQL's own text for it is unambiguous.
        $"coalesce(to_char({alias}.timestamp at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), {alias}.timestamp::text), " +
        $"{alias}.tenant_id, {alias}.mt_dotnet_type, " +
        $"{alias}.is_archived, {alias}.headers::text, {alias}.user_name, {alias}.correlation_id, {alias}.causation_id, {alias}.data::text";

    public static EventRow ReadEvent(NpgsqlDataReader reader, int offset) => new(
        reader.GetInt64(offset), reader.GetString(offset + 1), reader.GetString(offset + 2), reader.GetInt64(offset + 3),
        reader.GetString(offset + 4), reader.GetString(offset + 5), Text(reader, offset + 6), Text(reader, offset + 7),
        !reader.IsDBNull(offset + 8) && reader.GetBoolean(offset + 8), Text(reader, offset + 9), Text(reader, offset + 10),
        Text(reader, offset + 11), Text(reader, offset + 12), reader.GetString(offset + 13));

    private static string? Text(NpgsqlDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    public static string DataHash(EventRow e)
    {
        var text = new HashedText(Encoding.UTF8.GetByteCount(e.Data));
        text.Append(e.Data);
        return text.Sha256();
    }

    public static string MetadataHash(EventRow e)
    {
        var text = new HashedText(512);
        text.Field("id", e.Id);
        text.Field("timestamp", e.Timestamp);
        text.Field("tenant_id", e.TenantId);
        text.Field("dotnet_type", e.DotNetType);
        text.Field("is_archived", e.IsArchived ? "true" : "false");
        text.Field("headers", e.Headers);
        text.Field("user_name", e.UserName);
        text.Field("correlation_id", e.CorrelationId);
        text.Field("causation_id", e.CausationId);
        return text.Sha256();
    }

    /// <summary>The link hash: the previous hash, then every field length-prefixed so no two rows read alike.</summary>
    public static string LinkHash(string previousHash, EventRow e) => LinkHash(previousHash, e, MetadataHash(e), DataHash(e));

    private static string LinkHash(string previousHash, EventRow e, string metadataHash, string dataHash)
    {
        var text = new HashedText(512);
        text.Append(Version);
        text.Append("\n");
        text.Field("previous", previousHash);
        text.Field("seq_id", e.Sequence);
        text.Field("stream_id", e.StreamId);
        text.Field("version", e.Version);
        text.Field("type", e.Type);
        text.Field("metadata", metadataHash);
        text.Field("data", dataHash);
        return text.Sha256();
    }

    public static ChainLink Link(string previousHash, EventRow e)
    {
        string dataHash = DataHash(e), metadataHash = MetadataHash(e);
        return new(e.Sequence, e.StreamId, e.Version, e.Type, e.Timestamp, dataHash, metadataHash, previousHash,
            LinkHash(previousHash, e, metadataHash, dataHash));
    }

    /// <summary>
    /// The text a hash is taken over, written straight to UTF-8 in a rented buffer and hashed there: no string of the
    /// whole text, and no UTF-8 copy of it, for every event the chain links. A field is <c>name=length:value</c> (the
    /// length in UTF-16 code units, as .NET counts a string) or <c>name=~</c> for an absent value, then a newline.
    /// Like the runtime's own ValueStringBuilder, <see cref="Sha256"/> gives the buffer back; an exception on the way
    /// only leaves it to the garbage collector.
    /// </summary>
    private ref struct HashedText(int capacity)
    {
        private byte[] buffer = ArrayPool<byte>.Shared.Rent(capacity);
        private int length;

        public void Append(scoped ReadOnlySpan<char> value)
        {
            // The worst case (three bytes a UTF-16 code unit) fits most texts; only a large one is counted exactly.
            if (buffer.Length - length < Encoding.UTF8.GetMaxByteCount(value.Length)) Reserve(Encoding.UTF8.GetByteCount(value));
            length += Encoding.UTF8.GetBytes(value, buffer.AsSpan(length));
        }

        public void Field(string name, string? value)
        {
            if (value is null)
            {
                Append(name);
                Append("=~\n");
            }
            else Field(name, value.AsSpan());
        }

        public void Field(string name, long value)
        {
            Span<char> digits = stackalloc char[20];
            value.TryFormat(digits, out var written, provider: CultureInfo.InvariantCulture);
            Field(name, digits[..written]);
        }

        private void Field(string name, scoped ReadOnlySpan<char> value)
        {
            Append(name);
            Append("=");
            Span<char> digits = stackalloc char[11];
            value.Length.TryFormat(digits, out var written, provider: CultureInfo.InvariantCulture);
            Append(digits[..written]);
            Append(":");
            Append(value);
            Append("\n");
        }

        private void Reserve(int bytes)
        {
            if (buffer.Length - length >= bytes) return;
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, length + bytes));
            buffer.AsSpan(0, length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }

        public string Sha256()
        {
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.AsSpan(0, length), hash);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = [];
            length = 0;
            return Convert.ToHexStringLower(hash);
        }
    }

    /// <summary>
    /// How many events one transaction chains at most. In steady state a page of the subscription is a few events; a
    /// catch-up over a long stretch (a store restored or loaded around the app, a node that was down a long time)
    /// used to chain it all in one transaction: every link held in memory, nothing committed until the end, and a
    /// pause or a failure threw all of it away, to start over from the same head (README, Performance, scenario 9).
    /// </summary>
    public const int LinksPerTransaction = 5000;

    /// <summary>
    /// Chains every committed event after the chain's head up to <paramref name="ceiling"/> (the daemon's safe
    /// high-water mark, so no lower sequence number can still commit), at most <paramref name="linksPerTransaction"/>
    /// events a transaction, each transaction continuing from the head the previous one committed. Idempotent: a
    /// replayed or rebuilt range finds its events already chained and adds nothing. Returns the links added.
    /// </summary>
    public static async Task<int> ExtendAsync(NpgsqlConnection conn, long ceiling, CancellationToken ct, int linksPerTransaction = LinksPerTransaction)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(linksPerTransaction);
        var added = 0;
        while (true)
        {
            var (links, more) = await ExtendOnceAsync(conn, ceiling, linksPerTransaction, ct);
            added += links;
            if (!more) return added;
        }
    }

    /// <summary>One transaction: the next <paramref name="limit"/> events at most; <c>more</c> when the limit stopped it.</summary>
    private static async Task<(int Links, bool More)> ExtendOnceAsync(NpgsqlConnection conn, long ceiling, int limit, CancellationToken ct)
    {
        await using var tx = await conn.BeginTransactionAsync(ct);
        // One round trip: the writer's lock, then the head and the events after it. In READ COMMITTED each statement
        // of a batch reads with a snapshot of its own, taken when it starts, so the head and the events are read
        // after the lock is held, and see every link the lock's previous holder committed.
        long headSequence = 0;
        var headHash = Genesis;
        var links = new List<ChainLink>();
        await using (var batch = new NpgsqlBatch(conn, tx))
        {
            var lockCmd = new NpgsqlBatchCommand("select pg_advisory_xact_lock($1)");
            lockCmd.Parameters.Add(new NpgsqlParameter<long> { TypedValue = WriterLock });
            batch.BatchCommands.Add(lockCmd);
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"select seq_id, hash from {QualifiedTable} order by seq_id desc limit 1"));
            var events = new NpgsqlBatchCommand(
                $"select {EventColumns("e")} from {MartenSetup.Schema}.mt_events e " +
                $"where e.seq_id > coalesce((select max(c.seq_id) from {QualifiedTable} c), 0) and e.seq_id <= $1 order by e.seq_id limit $2");
            events.Parameters.Add(new NpgsqlParameter<long> { TypedValue = ceiling });
            events.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
            batch.BatchCommands.Add(events);

            await using var reader = await batch.ExecuteReaderAsync(ct);
            await reader.NextResultAsync(ct);
            if (await reader.ReadAsync(ct))
            {
                headSequence = reader.GetInt64(0);
                headHash = reader.GetString(1);
            }
            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var e = ReadEvent(reader, 0);
                if (e.Sequence <= headSequence) throw new InvalidOperationException($"The audit chain read event {e.Sequence} at or below its head {headSequence}.");
                var link = Link(headHash, e);
                links.Add(link);
                headHash = link.Hash;
            }
        }
        // Nothing after the head up to the ceiling (or the ceiling at or below the head): nothing to add.
        if (links.Count == 0)
        {
            await tx.CommitAsync(ct);
            return (0, false);
        }

        await using (var insert = new NpgsqlCommand(
                         $"insert into {QualifiedTable} (seq_id, stream_id, version, type, event_timestamp, data_sha256, metadata_sha256, previous_hash, hash) " +
                         "select * from unnest(@seq, @stream, @version, @type, @ts, @data, @meta, @prev, @hash)", conn, tx))
        {
            insert.Parameters.Add(new NpgsqlParameter("seq", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = links.Select(l => l.Sequence).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter("stream", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = links.Select(l => l.StreamId).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter("version", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = links.Select(l => l.Version).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter("type", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = links.Select(l => l.Type).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter("ts", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = links.Select(l => l.Timestamp).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter("data", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = links.Select(l => l.DataHash).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter("meta", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = links.Select(l => l.MetadataHash).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter("prev", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = links.Select(l => l.PreviousHash).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter("hash", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = links.Select(l => l.Hash).ToArray() });
            await insert.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return (links.Count, links.Count == limit);
    }
}
