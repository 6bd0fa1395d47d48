redis.call('DEL', KEYS[1])
for k, v in pairs(cjson.decode(ARGV[5])) do redis.call('HSET', KEYS[1], k, v) end
redis.call('HSET', KEYS[1], 'epoch', 0, 'owner', ARGV[1], 'next', 0, 'state', 'generating')
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('SET', KEYS[2], ARGV[1] .. '/0', 'PX', ARGV[2])
redis.call('ZADD', KEYS[3], now_ms() + tonumber(ARGV[2]), ARGV[4])
return 'OK'
