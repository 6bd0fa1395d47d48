local f = fence(KEYS[1], KEYS[2], KEYS[3], ARGV[4], ARGV[1], ARGV[2], ARGV[3])
if f then return f end
redis.call('DEL', KEYS[2])
redis.call('HSET', KEYS[1], 'released', 1)
redis.call('ZADD', KEYS[3], 0, ARGV[4])
return 0
