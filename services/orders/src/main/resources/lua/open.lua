-- Create a live offer's pool once; a repeated OfferOpened changes nothing (it may arrive after sales began).
-- KEYS[1] pool hash; ARGV[1] quantity, ARGV[2] per-buyer limit, ARGV[3] endsAt (epoch ms), ARGV[4] expireAt (epoch s),
-- ARGV[5] epoch (the offer row's pool_epoch: an order commits only a reservation of the current generation)
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end
redis.call('HSET', KEYS[1], 'state', 'open', 'left', ARGV[1], 'limit', ARGV[2], 'endsAt', ARGV[3],
  'expireAt', ARGV[4], 'epoch', ARGV[5])
redis.call('EXPIREAT', KEYS[1], ARGV[4])
return 1
