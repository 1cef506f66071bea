-- A counting semaphore of a mailbox's IMAP connections across every process; a slot lapses unless renewed.
-- KEYS[1]: the mailbox's slots (sorted set, member = slot id, score = expiry in ms of the server's clock)
-- ARGV[1]: 'acquire' (also renews a slot still held) or 'release'; ARGV[2]: the slot, 'watch:…' for a watcher;
-- ARGV[3]: how long the slot lasts (ms); ARGV[4]: the mailbox's cap
-- One slot is kept for a watcher: the other connections may use all but one, the watchers' aside.
-- Returns 1 when the slot is held (or released), 0 when the cap leaves no room for it.
local time = redis.call('time')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
redis.call('zremrangebyscore', KEYS[1], '-inf', now)
if ARGV[1] == 'release' then
  redis.call('zrem', KEYS[1], ARGV[2])
  return 1
end
local ttl = tonumber(ARGV[3])
if not redis.call('zscore', KEYS[1], ARGV[2]) then
  local cap = tonumber(ARGV[4])
  local slots = redis.call('zrange', KEYS[1], 0, -1)
  if #slots >= cap then return 0 end
  if string.sub(ARGV[2], 1, 6) ~= 'watch:' then
    local others = 0
    for _, slot in ipairs(slots) do
      if string.sub(slot, 1, 6) ~= 'watch:' then others = others + 1 end
    end
    if others >= cap - 1 then return 0 end
  end
end
redis.call('zadd', KEYS[1], now + ttl, ARGV[2])
if redis.call('pttl', KEYS[1]) < ttl then redis.call('pexpire', KEYS[1], ttl) end
return 1
