-- Writes the merged record only if the stored one is still the one the merge started from (compare-and-set),
-- then indexes it by vacancy, address and Message-ID, and — for a new candidate or new documents — stamps the
-- change with the next global sequence number (what digests read), all in one atomic step. The address index is
-- by keyed hash (ARGV[5]); an entry by the address itself (ARGV[6], written before addresses were hashed) goes.
if (redis.call('get', KEYS[1]) or '') ~= ARGV[1] then return 0 end
redis.call('set', KEYS[1], ARGV[2])
redis.call('zadd', KEYS[2], 'NX', ARGV[3], ARGV[4])
redis.call('hset', KEYS[3], ARGV[5], ARGV[4])
redis.call('hdel', KEYS[3], ARGV[6])
if ARGV[8] ~= 'none' then
  local seq = redis.call('incr', KEYS[5])
  redis.call('zadd', KEYS[6], seq, ARGV[4])
  if ARGV[8] == 'created' then redis.call('zadd', KEYS[7], 'NX', seq, ARGV[4]) end
end
for i = 9, #ARGV do redis.call('hset', KEYS[4], ARGV[i], ARGV[7]) end
return 1
