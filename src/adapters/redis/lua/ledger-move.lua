-- Moves the entry from one state to another only while `owner` holds it: a stale attempt cannot overwrite a newer one.
if redis.call('hget', KEYS[1], 'owner') ~= ARGV[1] or redis.call('hget', KEYS[1], 'state') ~= ARGV[2] then return 0 end
redis.call('hset', KEYS[1], 'state', ARGV[3], 'at', ARGV[4], 'detail', ARGV[5])
return 1
