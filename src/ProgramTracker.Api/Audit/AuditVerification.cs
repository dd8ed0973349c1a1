using Npgsql;
using ProgramTracker.Api.Hosting;

namespace ProgramTracker.Api.Audit;

/// <summary>The first place where the events and their chain disagree.</summary>
public sealed record AuditBreak(long Sequence, string? StreamId, string Problem, string Detail, IReadOnlyList<string> Differences);

/// <summary>
/// The outcome of walking the chain. <c>EventsVerified</c> counts the events whose link checked out before the
/// first break (all of them when intact); <c>UnchainedEvents</c> are newer than the chain's head and simply not
/// chained yet; <c>LateTombstones</c> are Marten's placeholders for failed appends, written after the chain had
/// passed their sequence number.
/// </summary>
public sealed record AuditVerification(
    bool Intact,
    long EventsVerified,
    long ChainHeadSequence,
    string ChainHeadHash,
    long UnchainedEvents,
    long LateTombstones,
    AuditBreak? FirstBreak);

/// <summary>A chain link recorded outside the database, written <c>sequence:hash</c>.</summary>
public sealed record AuditAnchor(long Sequence, string Hash)
{
    public static bool TryParse(string? text, out AuditAnchor? anchor)
    {
        anchor = null;
        var parts = text?.Split(':', 2);
        if (parts is not [var sequence, var hash] || !long.TryParse(sequence, out var seq) || seq <= 0
            || hash.Length != 64 || !hash.All(Uri.IsHexDigit)) return false;
        anchor = new AuditAnchor(seq, hash.ToLowerInvariant());
        return true;
    }

    public override string ToString() => $"{Sequence}:{Hash}";
}

public static class AuditVerifier
{
    public const string EventChanged = "event-changed";
    public const string EventDeleted = "event-deleted";
    public const string EventNotInChain = "event-not-in-chain";
    public const string LinkBroken = "chain-link-broken";
    public const string LinkAltered = "chain-entry-altered";
    public const string AnchorMismatch = "anchor-mismatch";

    /// <summary>Walks every event and every link in sequence order, in one snapshot, and stops at the first break.</summary>
    /// <param name="anchor">
    /// A chain head recorded earlier outside the database (sequence and hash, as an earlier verification
    /// reported it): the chain must still hold exactly that link. It catches a chain recomputed from scratch,
    /// which a walk alone cannot.
    /// </param>
    public static async Task<AuditVerification> VerifyAsync(NpgsqlConnection conn, AuditAnchor? anchor, CancellationToken ct)
    {
        await using var tx = await conn.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);

        long headSequence = 0;
        var headHash = AuditChain.Genesis;
        await using (var head = new NpgsqlCommand($"select seq_id, hash from {AuditChain.QualifiedTable} order by seq_id desc limit 1", conn, tx))
        await using (var reader = await head.ExecuteReaderAsync(ct))
        {
            if (await reader.ReadAsync(ct))
            {
                headSequence = reader.GetInt64(0);
                headHash = reader.GetString(1);
            }
        }

        var sql = $"""
            select c.seq_id, c.stream_id, c.version, c.type, c.event_timestamp, c.data_sha256, c.metadata_sha256, c.previous_hash, c.hash,
                   e.seq_id is not null, {AuditChain.EventColumns("e")}
            from {AuditChain.QualifiedTable} c
            full join {MartenSetup.Schema}.mt_events e on e.seq_id = c.seq_id
            order by coalesce(c.seq_id, e.seq_id)
            """;
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        await using var rows = await cmd.ExecuteReaderAsync(ct);

        long verified = 0, unchained = 0, lateTombstones = 0;
        var previous = AuditChain.Genesis;
        AuditBreak? broken = null;
        while (broken is null && await rows.ReadAsync(ct))
        {
            var link = rows.IsDBNull(0)
                ? null
                : new ChainLink(rows.GetInt64(0), rows.GetString(1), rows.GetInt64(2), rows.GetString(3), rows.GetString(4),
                    rows.GetString(5), rows.GetString(6), rows.GetString(7), rows.GetString(8));
            var stored = rows.GetBoolean(9) ? AuditChain.ReadEvent(rows, 10) : null;

            if (link is null)
            {
                if (stored!.Sequence > headSequence) unchained++;
                else if (stored.IsTombstone) lateTombstones++;
                else broken = new AuditBreak(stored.Sequence, stored.StreamId, EventNotInChain,
                    $"Event {stored.Sequence} (version {stored.Version} of stream {stored.StreamId}, {stored.Type}) is in the event store but not in the chain, which had already passed its sequence number: it was inserted afterwards.",
                    ["inserted"]);
                continue;
            }

            if (anchor is not null && link.Sequence == anchor.Sequence && link.Hash != anchor.Hash)
            {
                broken = new AuditBreak(link.Sequence, link.StreamId, AnchorMismatch,
                    $"The chain's link for event {link.Sequence} is {link.Hash}, not the anchored {anchor.Hash}: the chain was recomputed since the anchor was taken.",
                    ["hash"]);
            }
            else if (link.PreviousHash != previous)
            {
                broken = new AuditBreak(link.Sequence, link.StreamId, LinkBroken,
                    $"The chain entry for event {link.Sequence} does not point at the entry before it: the chain itself was rewritten.",
                    ["previous_hash"]);
            }
            else if (stored is null)
            {
                broken = new AuditBreak(link.Sequence, link.StreamId, EventDeleted,
                    $"Event {link.Sequence} (version {link.Version} of stream {link.StreamId}, {link.Type}) is in the chain but no longer in the event store: it was deleted.",
                    ["deleted"]);
            }
            else
            {
                var recomputed = AuditChain.Link(previous, stored);
                if (recomputed.Hash != link.Hash)
                {
                    var differences = Differences(link, recomputed);
                    broken = differences.Count == 0
                        ? new AuditBreak(link.Sequence, link.StreamId, LinkAltered,
                            $"The chain entry for event {link.Sequence} does not match its own contents: the chain itself was rewritten.", ["hash"])
                        : new AuditBreak(link.Sequence, link.StreamId, EventChanged,
                            $"Event {link.Sequence} (version {link.Version} of stream {link.StreamId}, {link.Type}) was changed after it was chained: {string.Join(", ", differences)} differ.",
                            differences);
                }
            }

            if (broken is null)
            {
                verified++;
                previous = link.Hash;
            }
        }

        if (broken is null && anchor is not null && anchor.Sequence > headSequence)
        {
            broken = new AuditBreak(anchor.Sequence, null, AnchorMismatch,
                $"The anchored event {anchor.Sequence} is beyond the chain's head ({headSequence}): the chain was cut back since the anchor was taken.",
                ["missing"]);
        }
        return new AuditVerification(broken is null, verified, headSequence, headHash, unchained, lateTombstones, broken);
    }

    private static List<string> Differences(ChainLink chained, ChainLink now)
    {
        var differences = new List<string>();
        if (chained.StreamId != now.StreamId) differences.Add("stream_id");
        if (chained.Version != now.Version) differences.Add("version");
        if (chained.Type != now.Type) differences.Add("type");
        if (chained.Timestamp != now.Timestamp) differences.Add("timestamp");
        if (chained.DataHash != now.DataHash) differences.Add("data");
        if (chained.MetadataHash != now.MetadataHash && chained.Timestamp == now.Timestamp) differences.Add("metadata");
        return differences;
    }
}
