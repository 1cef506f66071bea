-- Moves the cursor only forward (or onto a new UIDVALIDITY), and only while the caller holds the lease:
-- a watcher that lost its lease while paused cannot move the cursor of the one that took over.
if redis.call('get', KEYS[2]) ~= ARGV[1] then return -1 end
local validity = redis.call('hget', KEYS[1], 'uidValidity')
local last = tonumber(redis.call('hget', KEYS[1], 'lastUid') or '0')
if validity == ARGV[2] and last >= tonumber(ARGV[3]) then return 0 end
redis.call('hset', KEYS[1], 'uidValidity', ARGV[2], 'lastUid', ARGV[3])
return 1
