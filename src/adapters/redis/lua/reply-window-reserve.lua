-- Forget replies older than the window; a reply already counted is allowed again; else count it if under max.
redis.call('zremrangebyscore', KEYS[1], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
local count = redis.call('zcard', KEYS[1])
if redis.call('zscore', KEYS[1], ARGV[4]) then return count - 1 end
if count < tonumber(ARGV[3]) then
  redis.call('zadd', KEYS[1], ARGV[1], ARGV[4])
  redis.call('pexpire', KEYS[1], ARGV[2])
end
return count
