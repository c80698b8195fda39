// Writes ecmascript-numbers.txt: IEEE 754 doubles (as 16 hex digits) and how ECMAScript's JSON.stringify
// writes them, the reference RFC 8785 points to. Run: node ecmascript-numbers.mjs > ecmascript-numbers.txt
// A seeded xorshift64 makes the same file every time.
let state = 0x9e3779b97f4a7c15n;
const mask = (1n << 64n) - 1n;
function next() {
  state ^= (state << 13n) & mask;
  state ^= state >> 7n;
  state ^= (state << 17n) & mask;
  return state;
}
const view = new DataView(new ArrayBuffer(8));
function line(x) {
  view.setFloat64(0, x);
  console.log(view.getBigUint64(0).toString(16).padStart(16, '0') + ' ' + JSON.stringify(x));
}
console.log('# IEEE 754 bits and JSON.stringify of them, from ecmascript-numbers.mjs (node ' + process.version + ')');
for (let i = 0; i < 1500; i++) {             // any bit pattern: all magnitudes, subnormals included
  view.setBigUint64(0, next());
  const x = view.getFloat64(0);
  if (Number.isFinite(x)) line(x);
}
for (let i = 0; i < 1000; i++) {             // short decimals at every exponent (where shortest digits matter)
  const digits = Number(next() % 100000n);
  const exponent = Number(next() % 60n) - 30;
  line(Number(digits + 'e' + exponent));
}
for (let i = 0; i < 500; i++) {              // around the switches of notation: 1e-7, 1e21, 2^53
  const bases = [1e-7, 1e-6, 1e21, 1e20, 2 ** 53, 1e16];
  const base = bases[i % bases.length];
  const steps = Number(next() % 2001n) - 1000;
  view.setFloat64(0, base);
  view.setBigUint64(0, view.getBigUint64(0) + BigInt(steps));
  line(view.getFloat64(0));
}
