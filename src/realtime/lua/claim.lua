local out = {}
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now_ms(), 'LIMIT', 0, 4 * tonumber(ARGV[3]))
for _, m in ipairs(due) do
  if #out >= tonumber(ARGV[3]) then break end
  local meta = 'chatctl:msg:{' .. m .. '}:meta'
  local lease = 'chatctl:msg:{' .. m .. '}:lease'
  if redis.call('HGET', meta, 'state') ~= 'generating' then
    redis.call('ZREM', KEYS[1], m)
  else
    local left = redis.call('PTTL', lease)
    if left > 0 then
      redis.call('ZADD', KEYS[1], now_ms() + left, m)
    else
      local e = redis.call('HINCRBY', meta, 'epoch', 1)
      local prev = redis.call('HGET', meta, 'owner') or ''
      redis.call('HSET', meta, 'owner', ARGV[1])
      redis.call('SET', lease, ARGV[1] .. '/' .. e, 'PX', ARGV[2])
      redis.call('ZADD', KEYS[1], now_ms() + tonumber(ARGV[2]), m)
      local released = tonumber(redis.call('HGET', meta, 'released') or '0')
      redis.call('HDEL', meta, 'released')
      table.insert(out, {m, e, prev, released})
    end
  end
end
return out
