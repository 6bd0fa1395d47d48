local out = {}
local max = tonumber(ARGV[3])
for _, leases in ipairs(KEYS) do
  if #out >= max then break end
  local tag = string.match(leases, '^chatctl:{(.-)}:leases$')
  local due = redis.call('ZRANGEBYSCORE', leases, '-inf', now_ms(), 'LIMIT', 0, 4 * max)
  for _, m in ipairs(due) do
    if #out >= max then break end
    local meta = 'chatctl:{' .. tag .. '}:msg:' .. m .. ':meta'
    local lease = 'chatctl:{' .. tag .. '}:msg:' .. m .. ':lease'
    if redis.call('HGET', meta, 'state') ~= 'generating' then
      redis.call('ZREM', leases, m)
    else
      local left = redis.call('PTTL', lease)
      if left > 0 then
        redis.call('ZADD', leases, now_ms() + left, m)
      else
        -- An epoch from a clock that only grows (tenths of a second since 2026), never below
        -- the last one + 1: a claim a failover rolled back had an earlier time than any
        -- claim on the promoted replica (a failover takes over a second), so no epoch is
        -- handed out twice.
        local clock = math.floor((now_ms() - 1767225600000) / 100)
        local e = math.max(tonumber(redis.call('HGET', meta, 'epoch') or '0') + 1, clock)
        redis.call('HSET', meta, 'epoch', e)
        local prev = redis.call('HGET', meta, 'owner') or ''
        redis.call('HSET', meta, 'owner', ARGV[1])
        redis.call('SET', lease, ARGV[1] .. '/' .. e, 'PX', ARGV[2])
        redis.call('ZADD', leases, now_ms() + tonumber(ARGV[2]), m)
        local released = tonumber(redis.call('HGET', meta, 'released') or '0')
        redis.call('HDEL', meta, 'released')
        table.insert(out, {m, e, prev, released})
      end
    end
  end
end
return out
