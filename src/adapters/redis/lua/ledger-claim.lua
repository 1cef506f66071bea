-- States: claimed (SMTP not started) -> sending (SMTP started) -> sent | failed.
-- A `claimed` entry left by a dead attempt never reached SMTP, so a later attempt takes it over and sends.
-- A `sending` entry left by a dead attempt may have been accepted by the server in the instant before it died:
-- it is never taken over (a missing acknowledgement is reported; a duplicate could not be taken back).
local state = redis.call('hget', KEYS[1], 'state')
if state == 'sent' or state == 'failed' then return state end
if state == 'sending' then return 'unconfirmed' end
redis.call('hset', KEYS[1], 'state', 'claimed', 'owner', ARGV[1], 'messageId', ARGV[2], 'at', ARGV[3])
if ARGV[4] ~= '0' then redis.call('pexpire', KEYS[1], ARGV[4]) end
return 'claimed'
