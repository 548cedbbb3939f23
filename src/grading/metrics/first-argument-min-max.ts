// Two-argument min and max as the reference's code computes them, which differ from Math.min/Math.max
// only when an argument is NaN: Python's builtin max(a, b) keeps a unless b > a (so max(0, nan) is 0 and
// max(nan, 0) is nan), and the C macros of pycocotools' maskApi, min(a, b) = a < b ? a : b, pick b
// whenever the comparison is false. Math.min/Math.max would turn every NaN into NaN.

// biome-ignore lint/complexity/useMathMinMax: NaN must follow Python's builtin, not Math.max.
export const pyMax = (a: number, b: number): number => (b > a ? b : a);
// biome-ignore lint/complexity/useMathMinMax: NaN must follow Python's builtin, not Math.min.
export const pyMin = (a: number, b: number): number => (b < a ? b : a);
// biome-ignore lint/complexity/useMathMinMax: NaN must follow the C macro, not Math.min.
export const cMin = (a: number, b: number): number => (a < b ? a : b);
// biome-ignore lint/complexity/useMathMinMax: NaN must follow the C macro, not Math.max.
export const cMax = (a: number, b: number): number => (a > b ? a : b);
