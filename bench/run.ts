// Placeholder; replaced by the benchmark.
console.log('bench: not yet');
