-- Only ever moves a watermark forward.
for i = 1, #ARGV, 2 do
  local current = tonumber(redis.call('hget', KEYS[1], ARGV[i]) or '0')
  if tonumber(ARGV[i + 1]) > current then redis.call('hset', KEYS[1], ARGV[i], ARGV[i + 1]) end
end
return 1
