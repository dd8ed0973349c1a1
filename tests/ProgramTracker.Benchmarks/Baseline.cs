using Npgsql;
using NpgsqlTypes;

namespace ProgramTracker.Benchmarks;

/// <summary>
/// The hand-written floor: the same logical work as one ProgramTracker command, in one transaction, in its own
/// tables: check the stream's version, insert the event as JSONB, bump the stream row, upsert the read model.
/// </summary>
public sealed class Baseline(NpgsqlDataSource db)
{
    public async Task CreateSchemaAsync()
    {
        await using var cmd = db.CreateCommand("""
            create schema if not exists baseline;
            create table if not exists baseline.streams (id uuid primary key, version bigint not null);
            create table if not exists baseline.events (
                seq bigserial primary key, stream_id uuid not null, version bigint not null, type text not null,
                data jsonb not null, timestamp timestamptz not null default now(), unique (stream_id, version));
            create table if not exists baseline.read_model (id uuid primary key, version bigint not null, data jsonb not null);
            """);
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task<Guid> NewStreamAsync()
    {
        var id = Guid.CreateVersion7();
        await using var cmd = db.CreateCommand("insert into baseline.streams (id, version) values ($1, 0)");
        cmd.Parameters.AddWithValue(id);
        await cmd.ExecuteNonQueryAsync();
        return id;
    }

    public async Task RecordProgressAsync(Guid streamId, int i)
    {
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();

        long version;
        await using (var check = new NpgsqlCommand("select version from baseline.streams where id = $1", conn, tx))
        {
            check.Parameters.AddWithValue(streamId);
            version = (long)(await check.ExecuteScalarAsync())!;
        }

        var json = $$"""{"workstreamId":"{{streamId}}","agreementId":"{{streamId}}","milestoneId":"{{streamId}}","percent":{{i % 100}},"narrative":"On track","reportedOn":"2025-06-30"}""";
        await using (var insert = new NpgsqlCommand(
            "insert into baseline.events (stream_id, version, type, data) values ($1, $2, 'milestone_progress_reported', $3)", conn, tx))
        {
            insert.Parameters.AddWithValue(streamId);
            insert.Parameters.AddWithValue(version + 1);
            insert.Parameters.Add(new NpgsqlParameter { Value = json, NpgsqlDbType = NpgsqlDbType.Jsonb });
            await insert.ExecuteNonQueryAsync();
        }

        await using (var bump = new NpgsqlCommand("update baseline.streams set version = $2 where id = $1 and version = $3", conn, tx))
        {
            bump.Parameters.AddWithValue(streamId);
            bump.Parameters.AddWithValue(version + 1);
            bump.Parameters.AddWithValue(version);
            if (await bump.ExecuteNonQueryAsync() != 1) throw new InvalidOperationException("concurrent write");
        }

        await using (var upsert = new NpgsqlCommand("""
            insert into baseline.read_model (id, version, data) values ($1, $2, $3)
            on conflict (id) do update set version = excluded.version, data = excluded.data
            """, conn, tx))
        {
            upsert.Parameters.AddWithValue(streamId);
            upsert.Parameters.AddWithValue(version + 1);
            upsert.Parameters.Add(new NpgsqlParameter
            {
                Value = $$"""{"id":"{{streamId}}","percent":{{i % 100}},"narrative":"On track","version":{{version + 1}}}""",
                NpgsqlDbType = NpgsqlDbType.Jsonb,
            });
            await upsert.ExecuteNonQueryAsync();
        }

        await tx.CommitAsync();
    }
}
