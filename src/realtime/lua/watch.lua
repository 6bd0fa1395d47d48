if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'w', now_ms() + tonumber(ARGV[1]))
return 1
