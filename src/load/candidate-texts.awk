# Writes N candidate answers built exactly as score.lua builds them (sentences from texts.lua's
# pool, 100-320 characters, and the same "Answer <nonce>.<thread>.<request>.<i>: " prefix), so the
# encoder bound is measured on the same kind of text the score scenario sends: the prefix is part of
# what the encoder reads (its digits are a dozen tokens), so it must be in the baseline too.
# Usage: awk -v n=256 -v nonce=<a nonce as long as wrk's> -v per=16 -f candidate-texts.awk texts.lua
/^M\.sentences = \{/ { inside = 1; next }
inside && /^\}/ { inside = 0 }
inside && match($0, /"([^"\\]|\\.)*"/) { pool[count++] = substr($0, RSTART + 1, RLENGTH - 2) }
END {
  if (per < 1) per = 16
  srand(7)
  for (i = 1; i <= n; i++) {
    target = 100 + int(rand() * 181); length_so_far = -1; text = ""
    while (length_so_far < target) {
      s = pool[int(rand() * count)]
      if (length_so_far > 0 && length_so_far + 1 + length(s) > 320) break
      text = text (length_so_far > 0 ? " " : "") s
      length_so_far += 1 + length(s)
    }
    printf "Answer %s.%d.%d.%d: %s\n", (nonce == "" ? "bench" : nonce), (i - 1) % 2 + 1, int((i - 1) / (2 * per)) + 1,
      (i - 1) % per + 1, text
  }
}
