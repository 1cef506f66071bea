-- Replaces a string value only if it is still the one read (compare-and-set): resealing never undoes a newer write.
if redis.call('get', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('set', KEYS[1], ARGV[2], 'KEEPTTL')
return 1
