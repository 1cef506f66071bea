-- A person's decision about a reply whose send was cut off (state `sending`: it may or may not have gone out).
-- ARGV[1] = 'sent' (dismiss: a person says it went out) or 'claimed' (resend: the next attempt, ARGV[2]'s reply
-- job, takes the entry over and sends once more). Only a `sending` entry moves, so two decisions cannot both
-- pass; an entry already claimed by this very resend (a run that died before it finished) is taken again.
local state = redis.call('hget', KEYS[1], 'state')
local owner = redis.call('hget', KEYS[1], 'owner')
if state ~= 'sending' and not (state == 'claimed' and owner == ARGV[2]) then return state or '' end
redis.call('hset', KEYS[1], 'state', ARGV[1], 'owner', ARGV[2], 'at', ARGV[3], 'detail', ARGV[4])
return 'moved'
