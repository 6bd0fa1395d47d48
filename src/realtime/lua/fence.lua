local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
-- nil when `node` still holds the message at `epoch` (the lease is renewed), else why not:
-- -2 gone, -1 fenced (the codes the append script answers, see `fenced`).
local function fence(meta, lease, leases, m, node, epoch, lease_ttl)
  local e = redis.call('HGET', meta, 'epoch')
  if not e then return -2 end
  if tonumber(e) ~= tonumber(epoch) or redis.call('HGET', meta, 'state') ~= 'generating' then
    return -1
  end
  local me = node .. '/' .. epoch
  local holder = redis.call('GET', lease)
  if holder and holder ~= me then return -1 end
  redis.call('SET', lease, me, 'PX', lease_ttl)
  redis.call('ZADD', leases, now_ms() + tonumber(lease_ttl), m)
  return nil
end
