-- KEYS[1]: the live daemon processes (sorted set, member = process id, score = expiry in ms of the server's clock)
-- ARGV[1]: this process; ARGV[2]: how long its heartbeat lasts (ms), or 0 to leave
-- Returns how many processes are alive, this one included unless it left.
local time = redis.call('time')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
redis.call('zremrangebyscore', KEYS[1], '-inf', now)
local ttl = tonumber(ARGV[2])
if ttl > 0 then
  redis.call('zadd', KEYS[1], now + ttl, ARGV[1])
  if redis.call('pttl', KEYS[1]) < ttl then redis.call('pexpire', KEYS[1], ttl) end
else
  redis.call('zrem', KEYS[1], ARGV[1])
end
return redis.call('zcard', KEYS[1])
