-- Two sliding windows reserved together, so that neither counts a reply the other refuses: KEYS[1] the
-- recipient address's, KEYS[2] its domain's. Forget replies older than the window; a reply already counted (by
-- id) is allowed again; else it is counted in both only while both are under their max. Returns both counts
-- from before this reply.
local now, window = tonumber(ARGV[1]), tonumber(ARGV[2])
redis.call('zremrangebyscore', KEYS[1], '-inf', now - window)
redis.call('zremrangebyscore', KEYS[2], '-inf', now - window)
local address = redis.call('zcard', KEYS[1])
local domain = redis.call('zcard', KEYS[2])
if redis.call('zscore', KEYS[1], ARGV[5]) then
  if redis.call('zscore', KEYS[2], ARGV[5]) then domain = domain - 1 end
  return { address - 1, domain }
end
if address < tonumber(ARGV[3]) and domain < tonumber(ARGV[4]) then
  redis.call('zadd', KEYS[1], now, ARGV[5])
  redis.call('zadd', KEYS[2], now, ARGV[5])
  redis.call('pexpire', KEYS[1], window)
  redis.call('pexpire', KEYS[2], window)
end
return { address, domain }
