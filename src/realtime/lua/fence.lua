local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
-- nil when `node` still holds the message at `epoch` (the lease is renewed), else why not:
-- -2 gone, -1 fenced (the codes the append script answers, see `fenced`).
local function fence(meta, lease, leases, m, node, epoch, lease_ttl)
  local st = redis.call('HMGET', meta, 'epoch', 'state', 'owner')
  if not st[1] then return -2 end
  -- The owner too: a claim a failover rolled back can hand the same epoch to another node.
  if tonumber(st[1]) ~= tonumber(epoch) or st[2] ~= 'generating' or st[3] ~= node then
    return -1
  end
  local me = node .. '/' .. epoch
  local holder = redis.call('GET', lease)
  if holder and holder ~= me then return -1 end
  redis.call('SET', lease, me, 'PX', lease_ttl)
  redis.call('ZADD', leases, now_ms() + tonumber(lease_ttl), m)
  return nil
end
