if redis.call('EXISTS', KEYS[1]) == 1 then return 'EXISTS' end
redis.call('DEL', KEYS[4])
for k, v in pairs(cjson.decode(ARGV[6])) do redis.call('HSET', KEYS[1], k, v) end
for k = 7, #ARGV do
  redis.call('XADD', KEYS[4], '*', 'i', k - 7, 'e', ARGV[2], 'd', ARGV[k], 't', '')
end
redis.call('HSET', KEYS[1], 'epoch', ARGV[2], 'owner', ARGV[1], 'next', #ARGV - 6, 'state', 'generating')
redis.call('SET', KEYS[2], ARGV[1] .. '/' .. ARGV[2], 'PX', ARGV[3])
redis.call('ZADD', KEYS[3], now_ms() + tonumber(ARGV[3]), ARGV[5])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
redis.call('PEXPIRE', KEYS[4], ARGV[4])
return 'OK'
