#!/usr/bin/env node
// Speed benchmarks of `bench grade` against the Python reference (npm run bench:grade builds first):
//   npm run bench:grade -- [--rows N] [--repetitions N] [--order shuffled|sample] [--python PATH] [--keep]
//     one 1,000,000-row binary-AUC submission, bench versus pandas + scikit-learn (bench-grade/single.mjs);
//   npm run bench:grade -- --suite [--scale X] [--only id,id] [--repetitions N] [--python PATH]
//     every gradable competition at its upstream size, side by side with scripts/python/reference_grade.py
//     (bench-grade/suite.mjs).

if (process.argv.slice(2).includes("--suite")) await import("./bench-grade/suite.mjs");
else await import("./bench-grade/single.mjs");
