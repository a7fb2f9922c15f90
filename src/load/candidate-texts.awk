# Writes N candidate answers built exactly as score.lua builds them (sentences from texts.lua's
# pool, 100-320 characters, "Answer <id>: " prefix), so the encoder bound is measured on the same
# kind of text the score scenario sends. Usage: awk -v n=256 -f candidate-texts.awk texts.lua
/^M\.sentences = \{/ { inside = 1; next }
inside && /^\}/ { inside = 0 }
inside && match($0, /"([^"\\]|\\.)*"/) { pool[count++] = substr($0, RSTART + 1, RLENGTH - 2) }
END {
  srand(7)
  for (i = 1; i <= n; i++) {
    target = 100 + int(rand() * 181); length_so_far = -1; text = ""
    while (length_so_far < target) {
      s = pool[int(rand() * count)]
      if (length_so_far > 0 && length_so_far + 1 + length(s) > 320) break
      text = text (length_so_far > 0 ? " " : "") s
      length_so_far += 1 + length(s)
    }
    printf "Answer bench.%d: %s\n", i, text
  }
}
