-- Moves a reply-ledger entry written before addresses were hashed with the installation's key (its key holds an
-- unkeyed hash) to its keyed-hash key, unless that exists already: the entry keeps its state and lifetime.
if redis.call('exists', KEYS[2]) == 1 and redis.call('exists', KEYS[1]) == 0 then
  redis.call('rename', KEYS[2], KEYS[1])
  return 1
end
return 0
