local now = now_ms()
local out = {}
local a = 3
while a <= #ARGV do
  local m, tag, n = ARGV[a], ARGV[a + 1], ARGV[a + 2]
  local e, f, c = tonumber(ARGV[a + 3]), tonumber(ARGV[a + 4]), tonumber(ARGV[a + 5])
  local first = a + 6
  local term, fin = ARGV[first + c], ARGV[first + c + 1]
  a = first + c + 2
  local p = 'chatctl:{' .. tag .. '}:msg:' .. m .. ':'
  local meta, chunks = p .. 'meta', p .. 'chunks'
  local st = redis.call('HMGET', meta, 'epoch', 'state', 'next', 'w', 'owner')
  if not st[1] then
    out[#out + 1] = -2
  elseif tonumber(st[1]) ~= e or st[5] ~= n then
    -- The owner too: a claim a failover rolled back can hand the same epoch to another node.
    out[#out + 1] = -1
  elseif term ~= '' and st[2] == term then
    -- This end again (the first call's answer was lost, or its WAIT timed out): done.
    out[#out + 1] = tonumber(st[3])
  elseif st[2] ~= 'generating' then
    out[#out + 1] = -1
  elseif f > tonumber(st[3]) then
    out[#out + 1] = -3 - tonumber(st[3])
  else
    local nxt = tonumber(st[3])
    local live = st[4] and tonumber(st[4]) > now and (p .. 'live')
    if nxt == 0 then
      redis.call('PEXPIRE', meta, ARGV[2])
    end
    for j = 0, c - 1 do
      local i = f + j
      if i >= nxt then
        local d = ARGV[first + j]
        redis.call('XADD', chunks, '*', 'i', i, 'e', e, 'd', d)
        if live then redis.call('PUBLISH', live, cjson.encode({i = i, e = e, d = d, t = ''})) end
        if i == 0 then redis.call('PEXPIRE', chunks, ARGV[2]) end
        nxt = i + 1
      end
    end
    redis.call('HSET', meta, 'next', nxt)
    if term ~= '' then
      redis.call('XADD', chunks, '*', 'i', nxt, 'e', e, 'd', '', 't', term)
      redis.call('HSET', meta, 'state', term, 'final', fin)
      redis.call('DEL', p .. 'lease')
      redis.call('ZREM', 'chatctl:{' .. tag .. '}:leases', m)
      if live then redis.call('PUBLISH', live, cjson.encode({i = nxt, e = e, d = '', t = term})) end
      redis.call('PEXPIRE', meta, ARGV[2])
      redis.call('PEXPIRE', chunks, ARGV[2])
    end
    out[#out + 1] = nxt
  end
end
return out
