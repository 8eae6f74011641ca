-- Put a buyer's answers reloaded from PostgreSQL back into Redis (never over a newer entry), then mark the buyer
-- complete again. KEYS[1] the buyer's sentinel, KEYS[2..] entries; ARGV[1] retention (ms), ARGV[2..] entries' JSON
for i = 2, #KEYS do
  redis.call('SET', KEYS[i], ARGV[i], 'PX', tonumber(ARGV[1]), 'NX')
end
redis.call('SET', KEYS[1], '1', 'PX', tonumber(ARGV[1]))
return #KEYS - 1
