namespace DisTok.Queue;

/// <summary>
/// The queue's Lua scripts: each runs atomically in Redis, so admission, fairness and acknowledgement hold across every
/// node and worker. Keys (ARGV[1] is the prefix p): <c>p job:ID</c> the ticket JSON; <c>p lane:GROUP|LANE</c> a lane's
/// waiting ids; <c>p lanes:GROUP</c> a group's lanes by score; <c>p groups</c> the groups by score; <c>p clock</c>;
/// <c>p waiting</c>; <c>p owners</c> / <c>p payers</c> jobs queued or running per client and payer; <c>p stream</c> the
/// taken jobs (consumer group <c>workers</c>). A score is the clock value when last served; a lane or group that arrives
/// (never served, or emptied and back) scores clock − 10¹², before every served one and by arrival among its kind.
/// </summary>
static class QueueScripts
{
    /// <summary>ARGV: p, id, ticket, lane, group, owner, payer ("" = none), per-client, per-payer, capacity.
    /// Returns {0, 0} when queued, else {code, count}: 1 client full, 2 payer full, 3 queue full.</summary>
    public const string Submit = """
        local p = ARGV[1]
        local id, ticket, lane, group, owner, payer = ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7]
        local mine = tonumber(redis.call('HGET', p .. 'owners', owner) or '0')
        if mine >= tonumber(ARGV[8]) then return {1, mine} end
        if payer ~= '' then
          local theirs = tonumber(redis.call('HGET', p .. 'payers', payer) or '0')
          if theirs >= tonumber(ARGV[9]) then return {2, theirs} end
        end
        local waiting = tonumber(redis.call('GET', p .. 'waiting') or '0')
        if waiting >= tonumber(ARGV[10]) then return {3, waiting} end
        redis.call('SET', p .. 'job:' .. id, ticket)
        local clock = redis.call('INCR', p .. 'clock')
        if redis.call('RPUSH', p .. 'lane:' .. group .. '|' .. lane, id) == 1 then
          redis.call('ZADD', p .. 'lanes:' .. group, clock - 1e12, lane)
        end
        if not redis.call('ZSCORE', p .. 'groups', group) then
          redis.call('ZADD', p .. 'groups', clock - 1e12, group)
        end
        redis.call('HINCRBY', p .. 'owners', owner, 1)
        if payer ~= '' then redis.call('HINCRBY', p .. 'payers', payer, 1) end
        redis.call('INCR', p .. 'waiting')
        return {0, 0}
        """;

    /// <summary>ARGV: p. Moves the next job by the fairness rule onto the stream; returns its id, or false when none waits.</summary>
    public const string Take = """
        local p = ARGV[1]
        local group = redis.call('ZRANGE', p .. 'groups', 0, 0)[1]
        if not group then return false end
        local lanes = p .. 'lanes:' .. group
        local lane = redis.call('ZRANGE', lanes, 0, 0)[1]
        local list = p .. 'lane:' .. group .. '|' .. lane
        local id = redis.call('LPOP', list)
        local clock = redis.call('INCR', p .. 'clock')
        if redis.call('LLEN', list) > 0 then redis.call('ZADD', lanes, clock, lane) else redis.call('ZREM', lanes, lane) end
        if redis.call('ZCARD', lanes) > 0 then redis.call('ZADD', p .. 'groups', clock, group) else redis.call('ZREM', p .. 'groups', group) end
        redis.call('DECR', p .. 'waiting')
        redis.call('XADD', p .. 'stream', '*', 'id', id)
        return id
        """;

    /// <summary>ARGV: p, id, lane, group, owner, payer. Removes a job that still waits (a cancel); 1 when it did, else 0.</summary>
    public const string Remove = """
        local p = ARGV[1]
        local id, lane, group, owner, payer = ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6]
        local list = p .. 'lane:' .. group .. '|' .. lane
        if redis.call('LREM', list, 1, id) == 0 then return 0 end
        if redis.call('LLEN', list) == 0 then
          redis.call('ZREM', p .. 'lanes:' .. group, lane)
          if redis.call('ZCARD', p .. 'lanes:' .. group) == 0 then redis.call('ZREM', p .. 'groups', group) end
        end
        redis.call('DEL', p .. 'job:' .. id)
        redis.call('DECR', p .. 'waiting')
        if redis.call('HINCRBY', p .. 'owners', owner, -1) <= 0 then redis.call('HDEL', p .. 'owners', owner) end
        if payer ~= '' and redis.call('HINCRBY', p .. 'payers', payer, -1) <= 0 then redis.call('HDEL', p .. 'payers', payer) end
        return 1
        """;

    /// <summary>ARGV: p, stream entry id, job id, owner, payer. Acknowledges a taken job and frees its client's and payer's
    /// share; 1 when this call did it, 0 when it was acknowledged before (another worker finished a redelivered copy).</summary>
    public const string Finish = """
        local p = ARGV[1]
        local entry, id, owner, payer = ARGV[2], ARGV[3], ARGV[4], ARGV[5]
        if redis.call('XACK', p .. 'stream', 'workers', entry) == 0 then return 0 end
        redis.call('XDEL', p .. 'stream', entry)
        redis.call('DEL', p .. 'job:' .. id)
        if redis.call('HINCRBY', p .. 'owners', owner, -1) <= 0 then redis.call('HDEL', p .. 'owners', owner) end
        if payer ~= '' and redis.call('HINCRBY', p .. 'payers', payer, -1) <= 0 then redis.call('HDEL', p .. 'payers', payer) end
        return 1
        """;

    /// <summary>ARGV: p. The waiting state in one read: {group, score, lane count, {lane, score, {ids…}}…}…</summary>
    public const string Snapshot = """
        local p = ARGV[1]
        local out = {}
        local groups = redis.call('ZRANGE', p .. 'groups', 0, -1, 'WITHSCORES')
        for i = 1, #groups, 2 do
          local group = groups[i]
          local lanes = redis.call('ZRANGE', p .. 'lanes:' .. group, 0, -1, 'WITHSCORES')
          local entry = {group, groups[i + 1]}
          for j = 1, #lanes, 2 do
            table.insert(entry, {lanes[j], lanes[j + 1], redis.call('LRANGE', p .. 'lane:' .. group .. '|' .. lanes[j], 0, -1)})
          end
          table.insert(out, entry)
        end
        return out
        """;
}
