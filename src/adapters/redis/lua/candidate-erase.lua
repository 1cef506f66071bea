-- Erases one candidate in one atomic step, so no reader ever sees half of them: the record, its place in the
-- vacancy's list and digest changes, its address index entries (keyed hash and, from before hashing, clear) and
-- its thread entries (only those still pointing at it); records the erasure in the journal (finished later:
-- seen index, jobs, files, mail) and, when anonymising, adds the candidate's counts to the vacancy statistics.
-- KEYS: candidate, candidates of vacancy, by address, threads, changed, created, erasures, statistics
-- ARGV: candidate id, address hash, clear address, "<vacancy> <id>", journal entry, statistics count, then
--       statistics field/increment pairs, then thread ids
local id = ARGV[1]
local existed = redis.call('del', KEYS[1])
redis.call('zrem', KEYS[2], id)
redis.call('zrem', KEYS[5], id)
redis.call('zrem', KEYS[6], id)
for _, field in ipairs({ARGV[2], ARGV[3]}) do
  if redis.call('hget', KEYS[3], field) == id then redis.call('hdel', KEYS[3], field) end
end
local pairs_end = 6 + 2 * tonumber(ARGV[6])
if existed == 1 then
  for i = 7, pairs_end, 2 do redis.call('hincrby', KEYS[8], ARGV[i], tonumber(ARGV[i + 1])) end
end
for i = pairs_end + 1, #ARGV do
  if redis.call('hget', KEYS[4], ARGV[i]) == ARGV[4] then redis.call('hdel', KEYS[4], ARGV[i]) end
end
redis.call('hset', KEYS[7], id, ARGV[5])
return existed
