-- Adds the keyed hashes of a batch of Sent recipients and moves the cursor in one step: only forward, or onto a
-- new UIDVALIDITY (the set is kept: an address written to once stays a colleague). A batch read by a slower
-- process never moves the cursor back.
for first = 3, #ARGV, 1000 do
  redis.call('sadd', KEYS[1], unpack(ARGV, first, math.min(first + 999, #ARGV)))
end
local validity = redis.call('hget', KEYS[2], 'uidValidity')
local last = tonumber(redis.call('hget', KEYS[2], 'uid') or '0')
if validity == ARGV[1] and last >= tonumber(ARGV[2]) then return 0 end
redis.call('hset', KEYS[2], 'uidValidity', ARGV[1], 'uid', ARGV[2])
return 1
