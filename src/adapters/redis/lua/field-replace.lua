-- Replaces a hash field only if it still holds the value read (compare-and-set): resealing never undoes a write.
if redis.call('hget', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
redis.call('hset', KEYS[1], ARGV[1], ARGV[3])
return 1
