-- pow with a zero base, tonumber with a sign and a base
print(0^-1, (-0.0)^-1, (-0.0)^-2, 0^-0.5, 2^-1074, (-8)^(1/3) ~= (-8)^(1/3))
print(tonumber('  +1Z  ', 36), tonumber(' -7f ', 16), tonumber('+ 1', 10), tonumber('+-1', 10), tonumber('+', 10))
