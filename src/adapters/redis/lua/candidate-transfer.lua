-- Moves mail between two candidates of one vacancy in one atomic step (an operator's merge or split): writes both
-- records only if neither changed since they were read (compare-and-set; '' = must not exist), or removes the
-- source (a merge), then points the given address hashes and thread entries at the target and stamps the target's
-- change for the digests. Safe while the daemon runs: a concurrent save of either record makes this return 0.
-- KEYS: source, target, candidates of vacancy, by address, threads, change sequence, changed, created
-- ARGV: source before, target before, source after ('' = remove it), target after, source id, target id,
--       target score, "<vacancy> <target id>", target created (1/0), address count, address hashes…, thread ids…
if (redis.call('get', KEYS[1]) or '') ~= ARGV[1] then return 0 end
if (redis.call('get', KEYS[2]) or '') ~= ARGV[2] then return 0 end
if ARGV[3] == '' then
  redis.call('del', KEYS[1])
  redis.call('zrem', KEYS[3], ARGV[5])
  redis.call('zrem', KEYS[7], ARGV[5])
  redis.call('zrem', KEYS[8], ARGV[5])
else
  redis.call('set', KEYS[1], ARGV[3])
end
redis.call('set', KEYS[2], ARGV[4])
redis.call('zadd', KEYS[3], 'NX', ARGV[7], ARGV[6])
local seq = redis.call('incr', KEYS[6])
redis.call('zadd', KEYS[7], seq, ARGV[6])
if ARGV[9] == '1' then redis.call('zadd', KEYS[8], 'NX', seq, ARGV[6]) end
local addresses_end = 10 + tonumber(ARGV[10])
for i = 11, addresses_end do redis.call('hset', KEYS[4], ARGV[i], ARGV[6]) end
for i = addresses_end + 1, #ARGV do redis.call('hset', KEYS[5], ARGV[i], ARGV[8]) end
return 1
