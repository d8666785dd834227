/**
 * DJL against PyTorch: the shipped height and crater networks run with DJL and rebuilt in Debian's
 * python3-torch with the same weights, forward times side by side in one run, plus whole-scene
 * throughput of the DJL predictors ({@link dev.surveyor.bench.learn.BenchmarkDjlTorch}).
 */
package dev.surveyor.bench.learn;
